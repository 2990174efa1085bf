/** Thrown by a handler when retrying cannot help (the remote refused for good, the input is gone). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError'
}

/** The reason a job's AbortSignal is aborted when it ran out of time. */
export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError'

  constructor (type: string, timeoutMs: number) {
    super(`Job ${type} ran longer than its limit of ${Math.round(timeoutMs / 1000)} s and was stopped`)
  }
}
