import type { MeterProvider } from '@opentelemetry/sdk-metrics'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { HTTP_DURATION_BUCKETS_MS, METER_NAME, TRANSCODING_DURATION_BUCKETS_S } from '../../initializers/constants/metrics.js'
import type { EmbeddedTracker } from '../tracker/tracker.js'
import { buildInstanceObservers } from './instance-observers.js'
import { setRecordingInstruments } from './instruments.js'
import { buildJobQueueObservers } from './job-queue-observers.js'
import { buildNodeJsObservers } from './nodejs-observers.js'
import { buildPlaybackMetrics, stopPlaybackMetrics } from './playback-metrics.js'
import { buildTrackerObservers } from './tracker-observers.js'

const log = loggerWithTags('metrics')

let running: { provider: MeterProvider, stopObservers: () => void } | undefined

/**
 * Starts the meter and its Prometheus exporter when `open_telemetry.metrics.enabled`. The SDK is loaded here only:
 * with metrics off, nothing of it is in memory and every recording call returns at once.
 * A port that cannot be listened on stops the start, as any other configuration mistake.
 */
export async function startMetrics (options: { tracker?: EmbeddedTracker }) {
  const config = CONFIG.open_telemetry.metrics
  if (CONFIG.open_telemetry.tracing?.enabled) log.warn('open_telemetry.tracing is not supported by Tubeless: no traces are exported')
  if (!config.enabled) return

  const [ { MeterProvider }, { PrometheusExporter } ] = await Promise.all([
    import('@opentelemetry/sdk-metrics'),
    import('@opentelemetry/exporter-prometheus')
  ])
  const { hostname, port } = config.prometheus_exporter
  const exporter = new PrometheusExporter({ host: hostname, port, preventServerStart: true })
  // The reader is attached before its server answers: a scrape needs the provider behind it.
  const provider = new MeterProvider({ readers: [ exporter ] })
  try {
    await exporter.startServer()
  } catch (err) {
    await provider.shutdown().catch(() => undefined)
    throw new Error(`Cannot start the Prometheus exporter on ${hostname}:${port} (open_telemetry.metrics.prometheus_exporter): ${(err as Error).message}`)
  }
  const meter = provider.getMeter(METER_NAME)

  setRecordingInstruments({
    httpRequestDuration: config.http_request_duration.enabled
      ? meter.createHistogram('http_request_duration_ms', {
        unit: 'milliseconds',
        description: 'Duration of HTTP requests by route template, method and status, in ms',
        advice: { explicitBucketBoundaries: HTTP_DURATION_BUCKETS_MS }
      })
      : undefined,
    deliveries: meter.createCounter('tubeless_ap_deliveries', { description: 'Activities POSTed to remote inboxes, by result' }),
    transcodingDuration: meter.createHistogram('tubeless_transcoding_duration_seconds', {
      unit: 'seconds',
      description: 'Duration of local transcoding jobs (every rung of one video), by result, in seconds',
      advice: { explicitBucketBoundaries: TRANSCODING_DURATION_BUCKETS_S }
    })
  })
  buildPlaybackMetrics(meter, config.playback_stats_interval)
  buildInstanceObservers(meter)
  buildJobQueueObservers(meter)
  if (options.tracker) buildTrackerObservers(meter, options.tracker)
  const stopObservers = buildNodeJsObservers(meter)

  running = { provider, stopObservers }
  log.info(`Prometheus metrics on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}/metrics`)
}

export async function stopMetrics () {
  if (!running) return
  setRecordingInstruments(undefined)
  stopPlaybackMetrics()
  running.stopObservers()
  await running.provider.shutdown().catch(err => log.warn('Cannot stop the metrics exporter', { err }))
  running = undefined
}
