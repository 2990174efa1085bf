/**
 * Bull's lock on a running job: renewed every LOCK_DURATION / 2 while the worker lives. When an instance dies, its
 * jobs' locks expire and the next stalled-job check (every STALLED_INTERVAL) puts them back in the queue, so a
 * restarted instance resumes them within about LOCK_DURATION + STALLED_INTERVAL.
 */
export const JOB_LOCK = {
  LOCK_DURATION_MS: 15_000,
  STALLED_INTERVAL_MS: 10_000,
  /**
   * A job that stalls this often is failed rather than retried forever. Graceful restarts leave running jobs
   * stalled on purpose (they resume), so this allows a few restarts during one long transcoding.
   */
  MAX_STALLED_COUNT: 10
} as const

/** Finished jobs kept for the jobs API (Redis is not an archive). */
export const JOB_HISTORY = {
  COMPLETED: 1000,
  FAILED: 5000
} as const

/** The outbox relay (lib/job-queue/outbox-relay.ts) and the limits of a job run. */
export const OUTBOX = {
  /** Pending and due parked entries are queued at least this often. */
  SWEEP_INTERVAL_MS: 5_000,
  /** How often queued entries are checked against Redis (jobs lost with a Redis restart). */
  VERIFY_INTERVAL_MS: 60_000,
  /** Queued entries younger than this are not checked (the relay may be adding them right now). */
  VERIFY_MIN_AGE_MS: 30_000,
  BATCH: 500,
  /** A Redis command of the relay or of an API request fails after this long (Redis down: 503, not a hang). */
  REDIS_COMMAND_TIMEOUT_MS: 3_000,
  /** A job hit by a database or Redis outage waits up to this long for the service, without using an attempt. */
  OUTAGE_PATIENCE_MS: 15 * 60_000,
  OUTAGE_RETRY_MS: 2_000
} as const
