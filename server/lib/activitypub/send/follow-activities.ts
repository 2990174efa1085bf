import type { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { OutgoingActivity } from '../activity-types.js'
import { localAcceptFollowUrl, localRejectFollowUrl, localUndoActivityUrl } from '../local-urls.js'
import { sendActivity } from './send-activity.js'

// The follow handshake: Follow (follower -> target), Accept or Reject (target -> follower), Undo (follower ->
// target). Each goes to the other actor's own inbox, as PeerTube does.

function parties (follow: ActorFollowModel) {
  const follower = follow.ActorFollower
  const target = follow.ActorFollowing
  if (!follower || !target) throw new Error('The follow\'s actors must be loaded')
  return { follower, target }
}

export function buildFollowActivity (follow: ActorFollowModel): OutgoingActivity {
  const { follower, target } = parties(follow)
  return { type: 'Follow', id: follow.url, actor: follower.url, object: target.url }
}

export async function sendFollow (follow: ActorFollowModel) {
  const { follower, target } = parties(follow)
  await sendActivity(buildFollowActivity(follow), { byActor: follower, toInboxes: [ target.inboxUrl ] })
}

export async function sendAcceptFollow (follow: ActorFollowModel) {
  await sendFollowAnswer(follow, 'Accept', localAcceptFollowUrl(follow.id))
}

export async function sendRejectFollow (follow: ActorFollowModel) {
  await sendFollowAnswer(follow, 'Reject', localRejectFollowUrl(follow.id))
}

/** The followed actor answers the follower, quoting its Follow. */
async function sendFollowAnswer (follow: ActorFollowModel, type: 'Accept' | 'Reject', id: string) {
  const { follower, target } = parties(follow)
  const answer: OutgoingActivity = { type, id, actor: target.url, object: buildFollowActivity(follow) }
  await sendActivity(answer, { byActor: target, toInboxes: [ follower.inboxUrl ] })
}

export async function sendUndoFollow (follow: ActorFollowModel) {
  const { follower, target } = parties(follow)
  const undo: OutgoingActivity = {
    type: 'Undo',
    id: localUndoActivityUrl(follow.url),
    actor: follower.url,
    object: buildFollowActivity(follow)
  }
  await sendActivity(undo, { byActor: follower, toInboxes: [ target.inboxUrl ] })
}
