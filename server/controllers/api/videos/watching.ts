import { z } from 'zod'
import { loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { recordWatching } from '../../../lib/videos/video-watching.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videoWatchingRouter = new ApiRouter('/api/v1')

/**
 * PeerTube's player reports its position every few seconds: it counts as a view (deduplicated per viewer) and,
 * for a logged-in user with history on, is where the next visit resumes (a live only counts its viewer).
 */
videoWatchingRouter.put('/videos/:id/watching', {
  operationId: 'setProgress',
  summary: 'Tell where I am in a video (resume position, history)',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams,
  body: z.object({
    currentTime: z.number({ message: 'Should have a currentTime in seconds' }).min(0, 'Should have a currentTime in seconds'),
    viewEvent: z.enum([ 'seek' ]).optional(),
    sessionId: z.string().max(100).optional()
  }),
  responses: { 204: 'Recorded', 400: 'currentTime outside the video' }
}, async ({ params, body, user }, req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  await recordWatching(video, user, req.ip ?? 'unknown', body.currentTime)
  res.sendStatus(204)
})
