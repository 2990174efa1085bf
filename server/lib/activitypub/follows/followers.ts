import type { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { sendAcceptFollow, sendRejectFollow } from '../send/follow-activities.js'
import { isServerActor } from '../server-actor.js'
import { followBackIfWanted } from './follow-back.js'

// What one of our actors (the server actor, for the admin API) does with its followers.

export async function acceptFollower (follow: ActorFollowModel) {
  if (follow.state === 'accepted') return
  await follow.update({ state: 'accepted' })
  await sendAcceptFollow(follow)
  if (isServerActor(follow.ActorFollowing!)) await followBackIfWanted(follow.ActorFollower!)
}

/** The follower is told no and stays listed as rejected: a new Follow from it is rejected again. */
export async function rejectFollower (follow: ActorFollowModel) {
  await follow.update({ state: 'rejected' })
  if (!follow.ActorFollower!.isLocal()) await sendRejectFollow(follow)
}

/** The follower is told no (Reject, as PeerTube) and forgotten: it may follow again later. */
export async function removeFollower (follow: ActorFollowModel) {
  if (!follow.ActorFollower!.isLocal()) await sendRejectFollow(follow)
  await follow.destroy()
}
