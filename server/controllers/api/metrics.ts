import { playbackMetricsEnabled, observePlayback } from '../../lib/metrics/playback-metrics.js'
import { loadVisibleVideo } from '../../lib/videos/video-loader.js'
import { playbackMetricsRateLimiter } from '../../middlewares/rate-limit.js'
import { playbackMetricBody } from '../../middlewares/validation/playback-metrics.js'
import { ApiRouter } from '../shared/api-router.js'

export const metricsRouter = new ApiRouter('/api/v1')

metricsRouter.post('/metrics/playback', {
  operationId: 'addPlaybackMetric',
  summary: 'Report playback stats of a player (bytes from peers and server, errors, resolution changes)',
  description: 'Counts are since the previous report; the web player sends one every `openTelemetry.metrics.playbackStatsInterval` ' +
    'of the server config. Exposed by the Prometheus exporter when metrics are enabled; accepted and ignored otherwise.',
  tags: [ 'Stats' ],
  auth: 'optional',
  before: [ playbackMetricsRateLimiter ],
  body: playbackMetricBody,
  responses: { 204: 'Recorded', 400: 'A field is invalid (named in invalid-params)', 404: 'No such video', 429: 'Too many reports' }
}, async ({ body, user }, _req, res) => {
  // Metrics off: the report is valid, and that is all (no query for a number nobody reads).
  if (playbackMetricsEnabled()) {
    const video = await loadVisibleVideo(String(body.videoId), user, 'summary')
    observePlayback(video, body)
  }
  res.sendStatus(204)
})
