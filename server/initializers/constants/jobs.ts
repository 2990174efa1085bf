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
