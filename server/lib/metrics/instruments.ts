import type { Counter, Histogram } from '@opentelemetry/api'

/**
 * The instruments other modules record into. They exist only once metrics are started (start-metrics.ts): while
 * metrics are off every record function is a test of one variable, and the OpenTelemetry SDK is never loaded.
 */
export interface RecordingInstruments {
  httpRequestDuration?: Histogram
  deliveries: Counter
  transcodingDuration: Histogram
}

let instruments: RecordingInstruments | undefined

export function setRecordingInstruments (value: RecordingInstruments | undefined) {
  instruments = value
}

/** `path` is a route template (`/api/v1/videos/:id`), never a raw path: one series per route, not per URL. */
export function recordHttpRequest (labels: { path: string, method: string, statusCode: number }, durationMs: number) {
  instruments?.httpRequestDuration?.record(durationMs, { path: labels.path, method: labels.method, statusCode: String(labels.statusCode) })
}

/** One POST of an activity to a remote inbox. A failure that will be retried is `retryable`. */
export function recordDelivery (outcome: { ok: true } | { ok: false, retryable: boolean }) {
  if (!instruments) return
  instruments.deliveries.add(1, outcome.ok ? { result: 'success' } : { result: 'failure', retryable: String(outcome.retryable) })
}

/** One attempt of a local transcoding job, from its start to its end. */
export function recordTranscoding (seconds: number, result: 'success' | 'failure') {
  instruments?.transcodingDuration.record(seconds, { result })
}
