import type { NotificationEvent } from '../notification-event.js'
import { abuseNewMessage, abuseStateChange, newAbuseForModerators } from './abuse-events.js'
import { newComment } from './comment-events.js'
import { autoInstanceFollowing, newFollow } from './follow-events.js'
import { newRegistrationRequest, newUserRegistration } from './registration-events.js'
import { myVideoImportFinished, myVideoPublished, myVideoTranscodingFailed, newVideoFromSubscription, videoAutoBlocked, videoBlockChanged } from './video-events.js'

/**
 * Every event the `notify` job knows, by name: each turns its payload (ids, read again when the job runs) into
 * the notifications to deliver. A new kind of event is one builder here.
 */
export const NOTIFICATION_EVENT_BUILDERS = {
  'new-video-from-subscription': newVideoFromSubscription,
  'my-video-published': myVideoPublished,
  'my-video-transcoding-failed': myVideoTranscodingFailed,
  'video-block-changed': videoBlockChanged,
  'video-auto-blocked': videoAutoBlocked,
  'new-follow': newFollow,
  'auto-instance-following': autoInstanceFollowing,
  'new-user-registration': newUserRegistration,
  'new-registration-request': newRegistrationRequest,
  'new-comment': newComment,
  'new-abuse': newAbuseForModerators,
  'abuse-state-change': abuseStateChange,
  'abuse-new-message': abuseNewMessage,
  'my-video-import-finished': myVideoImportFinished
} satisfies Record<string, (payload: never) => Promise<NotificationEvent[]>>

export type NotificationEventName = keyof typeof NOTIFICATION_EVENT_BUILDERS
export type NotificationEventPayload<N extends NotificationEventName> = Parameters<typeof NOTIFICATION_EVENT_BUILDERS[N]>[0]
