import { loggerWithTags } from '../../helpers/logger.js'
import type { AbuseMessageModel } from '../../models/moderation/abuse-message.js'
import type { AbuseModel } from '../../models/moderation/abuse.js'
import type { VideoBlacklistModel } from '../../models/moderation/video-blacklist.js'
import type { UserRegistrationModel } from '../../models/user/user-registration.js'
import type { VideoModel } from '../../models/video/video.js'

const log = loggerWithTags('moderation')

/**
 * Moments of moderation someone must be told of (by notifications and e-mail, issue 14). Each is recorded by one
 * function below, called INSIDE the unit of work of the change: a listener registered here runs in that same
 * transaction, so the notification rows and e-mail jobs it writes (jobQueue.createJob goes through the outbox)
 * are committed with the change, or not at all. Listeners must not send anything themselves.
 */
export interface ModerationEvents {
  /** A report was made here or received as a Flag: for the moderators (not when a moderator reported). */
  'abuse-created': { abuse: AbuseModel, reporterIsModerator: boolean }
  /** A moderator accepted or rejected a report: for its local reporter. */
  'abuse-state-changed': { abuse: AbuseModel }
  /** A message on a report: for the reporter when a moderator wrote, for the moderators otherwise. */
  'abuse-message-added': { abuse: AbuseModel, message: AbuseMessageModel }
  /** A moderator blocked a video: for its owner. */
  'video-blocked': { block: VideoBlacklistModel, video: VideoModel }
  /** A video was unblocked (a reviewed auto-block too): for its owner, who may now share it. */
  'video-unblocked': { video: VideoModel, wasAutoBlock: boolean }
  /** A new video was auto-blocked until reviewed: for its owner and for the moderators. */
  'video-auto-blocked': { block: VideoBlacklistModel, video: VideoModel }
  /** Someone asked to join (signup.requires_approval): for the moderators who manage registrations. */
  'registration-requested': { registration: UserRegistrationModel }
}

export type ModerationEventName = keyof ModerationEvents
type Listener<E extends ModerationEventName> = (payload: ModerationEvents[E]) => Promise<void>

const listeners = new Map<ModerationEventName, Listener<never>[]>()

/** For the notifications module: `listener` runs in the unit of work of each `event`. */
export function onModerationEvent<E extends ModerationEventName> (event: E, listener: Listener<E>) {
  const list = listeners.get(event) ?? []
  list.push(listener as Listener<never>)
  listeners.set(event, list)
}

async function record<E extends ModerationEventName> (event: E, payload: ModerationEvents[E], summary: string) {
  log.info(`${event}: ${summary}`)
  for (const listener of listeners.get(event) ?? []) await (listener as Listener<E>)(payload)
}

export async function recordAbuseCreated (abuse: AbuseModel, reporterIsModerator: boolean) {
  await record('abuse-created', { abuse, reporterIsModerator }, `report ${abuse.id} (${abuse.type})`)
}

export async function recordAbuseStateChanged (abuse: AbuseModel) {
  await record('abuse-state-changed', { abuse }, `report ${abuse.id} is now in state ${abuse.state}`)
}

export async function recordAbuseMessageAdded (abuse: AbuseModel, message: AbuseMessageModel) {
  await record('abuse-message-added', { abuse, message }, `message ${message.id} on report ${abuse.id}`)
}

export async function recordVideoBlocked (block: VideoBlacklistModel, video: VideoModel) {
  await record('video-blocked', { block, video }, `video ${video.uuid} blocked${block.unfederated ? ' and unfederated' : ''}`)
}

export async function recordVideoUnblocked (video: VideoModel, wasAutoBlock: boolean) {
  await record('video-unblocked', { video, wasAutoBlock }, `video ${video.uuid} unblocked`)
}

export async function recordVideoAutoBlocked (block: VideoBlacklistModel, video: VideoModel) {
  await record('video-auto-blocked', { block, video }, `new video ${video.uuid} auto-blocked until reviewed`)
}

export async function recordRegistrationRequested (registration: UserRegistrationModel) {
  await record('registration-requested', { registration }, `registration ${registration.id} of ${registration.username}`)
}
