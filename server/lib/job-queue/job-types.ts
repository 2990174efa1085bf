import type { MoveActorImagesPayload } from '../actor-images/move-actor-images.js'
import type {
  ActivitypubFollowPayload, ActivitypubHttpBroadcastPayload, ActivitypubHttpFetcherPayload, ActivitypubHttpUnicastPayload,
  ActivitypubRefresherPayload
} from '../activitypub/jobs/payloads.js'
import type { ActivitypubInboxPayload } from '../activitypub/inbox/inbox-jobs.js'
import type { FederateVideoPayload } from '../activitypub/videos/federate-video-job.js'
import type { VideoTranscodingPayload } from '../transcoding/transcode-video.js'
import type { FilesRemovalPayload } from './handlers/files-removal.js'
import type { EmailPayload } from '../emails/email-job.js'
import type { NotifyPayload } from '../notifications/notify-job.js'
import type { AccountEmailRequestPayload } from '../users/account-email-requests.js'
import type { ActivitypubOutboxCrawlPayload } from '../activitypub/catalogue/outbox-crawl-job.js'
import type { FederatePlaylistPayload } from '../activitypub/playlists/federate-playlist-job.js'
import type { RemotePlaylistFetchPayload } from '../activitypub/playlists/remote-playlist-job.js'
import type { RunnerJobEndedPayload } from '../runners/runner-job-ended-job.js'
import type { RunnerOutputVerificationPayload } from '../runners/vod/verify-result-job.js'
import type { MoveVideoStoragePayload } from '../object-storage/video-storage-moves.js'
import type { VideoRedundancyPayload } from '../redundancy/mirror-video-job.js'
import type { RedundancyCheckPayload } from '../redundancy/check-remote-mirror-job.js'
import type { StorageScrubPayload } from '../integrity/scrub-job.js'
import type { VideoImportPayload } from '../video-imports/create-video-import.js'
import type { GenerateStoryboardPayload } from '../storyboards/generate-storyboard.js'

/**
 * Every job type and its payload. Names are PeerTube's where the job is the same, since admins and tools see them
 * in the jobs API. A new type gets its payload here and its handler in handlers/index.ts.
 */
export interface JobPayloads {
  'activitypub-http-broadcast': ActivitypubHttpBroadcastPayload
  'activitypub-http-unicast': ActivitypubHttpUnicastPayload
  'activitypub-follow': ActivitypubFollowPayload
  'activitypub-http-fetcher': ActivitypubHttpFetcherPayload
  'activitypub-inbox': ActivitypubInboxPayload
  'activitypub-refresher': ActivitypubRefresherPayload
  'actor-keys': { actorId: number }
  'federate-video': FederateVideoPayload
  'files-removal': FilesRemovalPayload
  'move-video-files': { videoId: number }
  'storage-sweep': Record<string, never>
  'video-transcoding': VideoTranscodingPayload
  email: EmailPayload
  notify: NotifyPayload
  'account-email': AccountEmailRequestPayload
  'activitypub-outbox-crawl': ActivitypubOutboxCrawlPayload
  'federate-playlist': FederatePlaylistPayload
  'activitypub-playlist-fetch': RemotePlaylistFetchPayload
  'runner-job-ended': RunnerJobEndedPayload
  'runner-output-verification': RunnerOutputVerificationPayload
  'move-to-object-storage': MoveVideoStoragePayload
  'move-to-file-system': MoveVideoStoragePayload
  'video-redundancy': VideoRedundancyPayload
  'video-redundancy-check': RedundancyCheckPayload
  'videos-redundancy-scheduler': Record<string, never>
  'storage-scrub': StorageScrubPayload
  'video-import': VideoImportPayload
  'generate-video-storyboard': GenerateStoryboardPayload
  'move-actor-images': MoveActorImagesPayload
}

export type JobType = keyof JobPayloads

export const JOB_STATES = [ 'active', 'completed', 'failed', 'waiting', 'delayed', 'paused' ] as const
export type JobState = typeof JOB_STATES[number]
