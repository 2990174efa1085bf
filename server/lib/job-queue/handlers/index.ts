import type { Job } from 'bull'
import type { JobPayloads, JobType } from '../job-types.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { DELIVERY } from '../../../initializers/constants/federation.js'
import { abortRunningTranscodings, markTranscodingFailed } from '../../transcoding/transcode-video.js'
import { processActivitypubFollow } from '../../activitypub/jobs/follow-job.js'
import { processActivitypubHttpFetcher } from '../../activitypub/jobs/http-fetcher-job.js'
import {
  onActivitypubHttpUnicastFinalFailure, processActivitypubHttpBroadcast, processActivitypubHttpUnicast
} from '../../activitypub/jobs/http-delivery-jobs.js'
import { processActivitypubRefresher } from '../../activitypub/jobs/refresher-job.js'
import { processActorKeys } from './actor-keys.js'
import { processFilesRemoval } from './files-removal.js'
import { processVideoTranscoding } from './video-transcoding.js'

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
  /** Called when the instance stops, to interrupt long work (the interrupted job is retried after the restart). */
  onShutdown?: () => void
}

// Federation jobs retry with the delivery settings, so a remote instance that is down gets our activities later.
const federationRetry = { attempts: CONFIG.federation.delivery.attempts, backoffMs: CONFIG.federation.delivery.backoff }

export const JOB_DEFINITIONS: { [T in JobType]: JobDefinition<T> } = {
  'activitypub-http-broadcast': {
    process: processActivitypubHttpBroadcast,
    concurrency: DELIVERY.BROADCAST_JOB_CONCURRENCY,
    attempts: 1,
    backoffMs: CONFIG.federation.delivery.backoff
  },
  'activitypub-http-unicast': {
    process: processActivitypubHttpUnicast,
    concurrency: CONFIG.federation.delivery.concurrency,
    ...federationRetry,
    timeoutMs: CONFIG.federation.http_timeout * 2,
    onFinalFailure: onActivitypubHttpUnicastFinalFailure
  },
  'activitypub-follow': { process: processActivitypubFollow, concurrency: 2, ...federationRetry },
  'activitypub-http-fetcher': { process: processActivitypubHttpFetcher, concurrency: 2, attempts: 3, backoffMs: 60_000 },
  'activitypub-refresher': { process: processActivitypubRefresher, concurrency: 2, attempts: 2, backoffMs: 60_000 },
  'actor-keys': { process: processActorKeys, concurrency: 1, attempts: 3, backoffMs: 1000 },
  'files-removal': { process: processFilesRemoval, concurrency: 1, attempts: 3, backoffMs: 10_000 },
  'video-transcoding': {
    process: processVideoTranscoding,
    concurrency: CONFIG.transcoding.concurrency,
    attempts: 3,
    backoffMs: 5000,
    onFinalFailure: markTranscodingFailed,
    onShutdown: abortRunningTranscodings
  }
}
