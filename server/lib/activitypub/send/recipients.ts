import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { OutgoingActivity } from '../activity-types.js'
import { sendActivity, type SendActivityOptions } from './send-activity.js'

/**
 * Inboxes of the remote followers (accepted) of these actors, one per instance when they have a shared inbox.
 * For a video: its channel, its account and the server actor, so every kind of follower gets it.
 */
export async function getFollowersInboxes (actorIds: number[]) {
  return ActorFollowModel.listFollowerInboxes([ ...new Set(actorIds) ])
}

/** Sends `activity` signed by `byActor` to the followers of `actorIds` (byActor's own followers if omitted). */
export async function sendToFollowers (
  activity: OutgoingActivity,
  byActor: ActorModel,
  actorIds: number[] = [ byActor.id ],
  options: Pick<SendActivityOptions, 'contextType'> = {}
) {
  const toInboxes = await getFollowersInboxes(actorIds)
  await sendActivity(activity, { byActor, toInboxes, contextType: options.contextType, asBroadcast: true })
}
