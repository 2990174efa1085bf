import { CONFIG } from '../../../initializers/config/index.js'
import { DELIVERY, INBOX } from '../../../initializers/constants/federation.js'
import { processActivitypubInbox } from '../../activitypub/inbox/inbox-jobs.js'
import { processActivitypubFollow } from '../../activitypub/jobs/follow-job.js'
import { processActivitypubHttpFetcher } from '../../activitypub/jobs/http-fetcher-job.js'
import {
  onActivitypubHttpUnicastFinalFailure, parkActivitypubHttpUnicast, processActivitypubHttpBroadcast, processActivitypubHttpUnicast
} from '../../activitypub/jobs/http-delivery-jobs.js'
import { processActivitypubRefresher } from '../../activitypub/jobs/refresher-job.js'
import { processFederateVideo } from '../../activitypub/videos/federate-video-job.js'
import { processMoveVideoFiles } from '../../transcoding/move-video-files.js'
import { abortRunningTranscodings, markTranscodingFailed, transcodingTimeoutMs } from '../../transcoding/transcode-video.js'
import type { JobDefinitions } from '../job-definition.js'
import { processActorKeys } from './actor-keys.js'
import { processFilesRemoval } from './files-removal.js'
import { processStorageSweep } from './storage-sweep.js'
import { processVideoTranscoding } from './video-transcoding.js'
import { EMAIL_JOB } from '../../../initializers/constants/emails.js'
import { processEmail } from '../../emails/email-job.js'
import { processNotify } from '../../notifications/notify-job.js'
import { processAccountEmailRequest } from '../../users/account-email-requests.js'
import { onOutboxCrawlFailed, processActivitypubOutboxCrawl } from '../../activitypub/catalogue/outbox-crawl-job.js'
import { processFederatePlaylist } from '../../activitypub/playlists/federate-playlist-job.js'
import { processRemotePlaylistFetch } from '../../activitypub/playlists/remote-playlist-job.js'
import { processRunnerJobEnded } from '../../runners/runner-job-ended-job.js'
import { onRunnerOutputVerificationFailed, processRunnerOutputVerification } from '../../runners/vod/verify-result-job.js'
import { RUNNER_VERIFICATION } from '../../../initializers/constants/runners.js'
import { processMoveToObjectStorage } from '../../object-storage/move-to-object-storage.js'
import { processMoveToFileSystem } from '../../object-storage/move-to-file-system.js'
import { onVideoStorageMoveFailed } from '../../object-storage/move-failures.js'
import { processVideoRedundancy } from '../../redundancy/mirror-video-job.js'
import { processRedundancyCheck } from '../../redundancy/check-remote-mirror-job.js'
import { processRedundancyScheduler } from '../../redundancy/redundancy-scheduler.js'
import { processStorageScrub, onStorageScrubFailed } from '../../integrity/scrub-job.js'
import { abortRunningImports, onVideoImportFailed, processVideoImport } from '../../video-imports/video-import-job.js'
import { VIDEO_IMPORTS } from '../../../initializers/constants/video-imports.js'
import { processGenerateStoryboard } from '../../storyboards/generate-storyboard.js'
import { processMoveActorImages } from '../../actor-images/move-actor-images.js'

export type { JobContext, JobDefinition } from '../job-definition.js'

// Federation jobs retry with the delivery settings, so a remote instance that is down gets our activities later.
const federationRetry = { attempts: CONFIG.federation.delivery.attempts, backoffMs: CONFIG.federation.delivery.backoff }

export const JOB_DEFINITIONS: JobDefinitions = {
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
    parkAfterLastAttempt: parkActivitypubHttpUnicast,
    onFinalFailure: onActivitypubHttpUnicastFinalFailure
  },
  'activitypub-inbox': { process: processActivitypubInbox, concurrency: INBOX.PROCESSING_CONCURRENCY, attempts: 5, backoffMs: 5_000, timeoutMs: 5 * 60_000 },
  'activitypub-follow': { process: processActivitypubFollow, concurrency: 2, ...federationRetry },
  'activitypub-http-fetcher': { process: processActivitypubHttpFetcher, concurrency: 2, attempts: 3, backoffMs: 60_000 },
  'activitypub-refresher': { process: processActivitypubRefresher, concurrency: 2, attempts: 2, backoffMs: 60_000, keepCompleted: false },
  'actor-keys': { process: processActorKeys, concurrency: 1, attempts: 3, backoffMs: 1000 },
  'federate-video': { process: processFederateVideo, concurrency: 4, attempts: 10, backoffMs: 2_000, timeoutMs: 5 * 60_000 },
  'files-removal': { process: processFilesRemoval, concurrency: 1, attempts: 3, backoffMs: 10_000, timeoutMs: 30 * 60_000 },
  'move-video-files': { process: processMoveVideoFiles, concurrency: 2, attempts: 10, backoffMs: 10_000 },
  'storage-sweep': { process: processStorageSweep, concurrency: 1, attempts: 2, backoffMs: 60_000, timeoutMs: 6 * 60 * 60_000 },
  'video-transcoding': {
    process: processVideoTranscoding,
    concurrency: CONFIG.transcoding.concurrency,
    attempts: 3,
    // Tests retry at once: their failures are made on purpose and do not go away with time.
    backoffMs: process.env.NODE_ENV === 'test' ? 1000 : 5000,
    timeoutMs: payload => transcodingTimeoutMs(payload),
    heldByCreator: true,
    onFinalFailure: markTranscodingFailed,
    onShutdown: abortRunningTranscodings
  },
  email: { process: processEmail, concurrency: 2, attempts: EMAIL_JOB.ATTEMPTS, backoffMs: EMAIL_JOB.BACKOFF_MS, timeoutMs: EMAIL_JOB.SMTP_TIMEOUT_MS * 3 },
  'account-email': { process: processAccountEmailRequest, concurrency: 2, attempts: 3, backoffMs: 5_000 },
  notify: { process: processNotify, concurrency: 2, attempts: 5, backoffMs: 2_000, timeoutMs: 5 * 60_000 },
  // One page of a remote outbox per run; each run queues the next page, so a catalogue of any size is read in
  // steps that resume from the last page read.
  'activitypub-outbox-crawl': { process: processActivitypubOutboxCrawl, concurrency: 2, attempts: 8, backoffMs: 2_000, timeoutMs: 10 * 60_000, onFinalFailure: onOutboxCrawlFailed },
  'federate-playlist': { process: processFederatePlaylist, concurrency: 2, attempts: 10, backoffMs: 2_000, timeoutMs: 5 * 60_000 },
  'activitypub-playlist-fetch': { process: processRemotePlaylistFetch, concurrency: 2, attempts: 3, backoffMs: 10_000, timeoutMs: 10 * 60_000 },
  // Stores a verified runner result (an HLS remux and torrents: seconds) and finishes the video when it was the last.
  'runner-job-ended': { process: processRunnerJobEnded, concurrency: 2, attempts: 5, backoffMs: 5_000, timeoutMs: 30 * 60_000 },
  // Checks a runner's output (ffprobe, sampled decodes, the spot check: seconds to a minute of CPU per rung).
  'runner-output-verification': {
    process: processRunnerOutputVerification, concurrency: RUNNER_VERIFICATION.CONCURRENCY, attempts: 5, backoffMs: 5_000, timeoutMs: 30 * 60_000,
    onFinalFailure: onRunnerOutputVerificationFailed
  },
  // Object storage: an unreachable bucket is retried (the video stays playable from our folders meanwhile).
  'move-to-object-storage': { process: processMoveToObjectStorage, concurrency: 2, attempts: 6, backoffMs: 10_000, timeoutMs: 6 * 3_600_000, onFinalFailure: onVideoStorageMoveFailed },
  'move-to-file-system': { process: processMoveToFileSystem, concurrency: 2, attempts: 6, backoffMs: 10_000, timeoutMs: 6 * 3_600_000, onFinalFailure: onVideoStorageMoveFailed },
  'video-redundancy': { process: processVideoRedundancy, concurrency: 1, attempts: 3, backoffMs: 30_000, timeoutMs: 3 * 3_600_000 },
  'video-redundancy-check': { process: processRedundancyCheck, concurrency: 2, attempts: 4, backoffMs: 30_000, timeoutMs: 3 * 3_600_000 },
  'videos-redundancy-scheduler': { process: processRedundancyScheduler, concurrency: 1, attempts: 1, backoffMs: 60_000, keepCompleted: false },
  'storage-scrub': { process: processStorageScrub, concurrency: 1, attempts: 5, backoffMs: 30_000, timeoutMs: 3 * 3_600_000, onFinalFailure: onStorageScrubFailed },
  // Video imports (issue 21): one download per job, stopped at import.videos.timeout.
  'video-import': { process: processVideoImport, concurrency: CONFIG.import.videos.concurrency, attempts: VIDEO_IMPORTS.ATTEMPTS, backoffMs: VIDEO_IMPORTS.BACKOFF_MS, timeoutMs: CONFIG.import.videos.timeout, onFinalFailure: onVideoImportFailed, onShutdown: abortRunningImports },
  // One decode of the best file: a few seconds for most videos, an hour-long one some minutes.
  'generate-video-storyboard': { process: processGenerateStoryboard, concurrency: 1, attempts: 3, backoffMs: 10_000, timeoutMs: 3_600_000 },
  'move-actor-images': { process: processMoveActorImages, concurrency: 1, attempts: 6, backoffMs: 10_000, timeoutMs: 3_600_000 }
}
