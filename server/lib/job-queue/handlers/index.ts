import type { Job } from 'bull'
import type { JobPayloads, JobType } from '../job-types.js'
import { processActorKeys } from './actor-keys.js'

export interface JobDefinition<T extends JobType> {
  process: (job: Job<JobPayloads[T]>) => Promise<unknown>
  /** Parallel jobs of this type in one instance (config `jobs.concurrency.<type>` wins). */
  concurrency: number
  attempts: number
  /** First retry delay; doubles at each attempt. */
  backoffMs: number
  /** A job running longer is failed (and retried). */
  timeoutMs?: number
  /** Called once the last attempt has failed, to record the failure where users see it. */
  onFinalFailure?: (job: Job<JobPayloads[T]>, err: Error) => Promise<void>
}

export const JOB_DEFINITIONS: { [T in JobType]: JobDefinition<T> } = {
  'actor-keys': { process: processActorKeys, concurrency: 1, attempts: 3, backoffMs: 1000 }
}
