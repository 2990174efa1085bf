import { WEBSERVER } from '../../initializers/config/index.js'
import type { ActorModel } from '../../models/actor/actor.js'

// Ids of the activities we emit. PeerTube's paths, so ids look alike on both sides (they are opaque to peers).

export function localFollowActivityUrl (follower: ActorModel, target: ActorModel) {
  return `${follower.url}/follows/${target.id}`
}

export function localAcceptFollowUrl (followId: number) {
  return `${WEBSERVER.URL}/accepts/follows/${followId}`
}

export function localRejectFollowUrl (followId: number) {
  return `${WEBSERVER.URL}/rejects/follows/${followId}`
}

export function localUndoActivityUrl (activityUrl: string) {
  return `${activityUrl}/undo`
}

export function localSharedInboxUrl () {
  return `${WEBSERVER.URL}/inbox`
}

export function isLocalUrl (url: string) {
  try {
    return new URL(url).origin === new URL(WEBSERVER.URL).origin
  } catch {
    return false
  }
}

/** True when `url` is on our host, whatever its scheme: no remote actor or object may live there. */
export function isLocalHost (url: string) {
  try {
    return new URL(url).host.toLowerCase() === new URL(WEBSERVER.URL).host.toLowerCase()
  } catch {
    return false
  }
}
