import type { Job } from 'bull'
import type { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import type { JobPayloads, JobType } from './job-types.js'

// What the queue needs to know of a job type. The definitions themselves (handlers/index.ts) are handed to
// jobQueue.init at start-up: the queue imports no handler, so handlers may create jobs without an import cycle.

export interface JobContext {
  /** Aborted when the job reaches its time limit: stop the work (kill ffmpeg) and return. */
  signal: AbortSignal
}

export interface JobDefinition<T extends JobType> {
  process: (job: Job<JobPayloads[T]>, context: JobContext) => Promise<unknown>
  /** Parallel jobs of this type in one instance (config `jobs.concurrency.<type>` wins). */
  concurrency: number
  attempts: number
  /** First retry delay; doubles at each attempt. */
  backoffMs: number
  /** A job running longer is stopped (its signal aborted) and failed, then retried if attempts remain. */
  timeoutMs?: number | ((payload: JobPayloads[T]) => number)
  /**
   * After the last attempt: when to try again, for work that must not be given up (a delivery to a server
   * that is down). Undefined: the job is failed for good.
   */
  parkAfterLastAttempt?: (job: Job<JobPayloads[T]>, err: Error, entry: OutboxEntryModel | null) => Date | undefined
  /** false: a completed job is not kept in the jobs history (frequent housekeeping). */
  keepCompleted?: boolean
  /**
   * Jobs of this type are created parked only to be held by the request that made them (releaseHeldJob): at
   * start-up, such parked jobs of a previous run are released, since nobody will release them any more.
   */
  heldByCreator?: boolean
  /** Called once the last attempt has failed, to record the failure where users see it. */
  onFinalFailure?: (job: Job<JobPayloads[T]>, err: Error) => Promise<void>
  /** Called when the instance stops, to interrupt long work (the interrupted job is retried after the restart). */
  onShutdown?: () => void
}

/** One definition per job type: what jobQueue.init is given. */
export type JobDefinitions = { [T in JobType]: JobDefinition<T> }
