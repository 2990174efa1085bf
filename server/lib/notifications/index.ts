import type { ActorFollowModel } from '../../models/actor/actor-follow.js'
import { jobQueue } from '../job-queue/job-queue.js'
import type { AbusePayload } from './events/abuse-events.js'
import type { NewCommentPayload } from './events/comment-events.js'
import type { NotificationEventName, NotificationEventPayload } from './events/index.js'

/**
 * Notifications, one function per event. Each records a `notify` job in the current unit of work (with the
 * change it reports: a rolled-back change notifies nobody); the job finds the recipients, applies their settings
 * (web and/or e-mail), writes the notifications and pushes them to open clients.
 */
export async function notify<N extends NotificationEventName> (event: N, data: NotificationEventPayload<N>) {
  await jobQueue.createJob('notify', { event, data: data as unknown as Record<string, unknown> })
}

// Videos

/** A public video was published on a channel (local, or received from its origin, not read from an outbox). */
export const notifyNewVideoFromSubscription = (video: { id: number }) => notify('new-video-from-subscription', { videoId: video.id })
/** The whole ladder of a local video is ready. */
export const notifyMyVideoPublished = (video: { id: number }) => notify('my-video-published', { videoId: video.id })
/** An import ended: downloaded (the video now transcodes) or failed. */
export const notifyMyVideoImportFinished = (videoImportId: number, success: boolean, reason?: string) =>
  notify('my-video-import-finished', { videoImportId, success, reason })
export const notifyMyVideoTranscodingFailed = (video: { id: number }, reason: string) => notify('my-video-transcoding-failed', { videoId: video.id, reason })

// Follows

/** A new follow of one of our accounts, channels, or of the instance (pending or accepted). */
export const notifyNewFollow = (follow: Pick<ActorFollowModel, 'id'>) => notify('new-follow', { actorFollowId: follow.id })
export const notifyAutoInstanceFollowing = (follow: Pick<ActorFollowModel, 'id'>) => notify('auto-instance-following', { actorFollowId: follow.id })

// Sign-ups

export const notifyNewUserRegistration = (user: { id: number }) => notify('new-user-registration', { userId: user.id })
export const notifyNewRegistrationRequest = (registration: { id: number }) => notify('new-registration-request', { registrationId: registration.id })

// For the comments module (comments, replies, mentions; local or remote)

export const notifyNewComment = (comment: NewCommentPayload) => notify('new-comment', comment)

// For the moderation module (reports and blocked videos)

export const notifyNewAbuse = (abuse: AbusePayload & { reason: string }) => notify('new-abuse', abuse)
export const notifyAbuseStateChange = (abuse: AbusePayload) => notify('abuse-state-change', abuse)
export const notifyAbuseNewMessage = (message: AbusePayload & { messageId: number, messageAccountId: number, message: string }) =>
  notify('abuse-new-message', message)
export const notifyVideoBlocked = (block: { videoId: number, videoBlacklistId: number, reason?: string | null }) =>
  notify('video-block-changed', { ...block, blocked: true })
export const notifyVideoUnblocked = (block: { videoId: number, videoBlacklistId: number }) =>
  notify('video-block-changed', { ...block, blocked: false })
export const notifyVideoAutoBlocked = (block: { videoId: number, videoBlacklistId: number }) => notify('video-auto-blocked', block)
