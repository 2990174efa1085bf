import { VideoPrivacy, type VideoPrivacyType } from '../../../../shared/models/videos.js'
import { ACTIVITY_STREAMS_PUBLIC } from '../../../initializers/constants/activitypub.js'
import type { ActorModel } from '../../../models/actor/actor.js'

export interface Audience {
  to: string[]
  cc: string[]
}

// The spellings of the public collection found in the wild (JSON-LD compaction may shorten it).
const PUBLIC_VALUES = new Set([ ACTIVITY_STREAMS_PUBLIC, 'as:Public', 'Public' ])

function followersOf (actor: Pick<ActorModel, 'url' | 'followersUrl'>) {
  return actor.followersUrl ?? `${actor.url}/followers`
}

/**
 * Who a video's Create/Update/Delete is addressed to, as PeerTube does: a public video to everyone (followers
 * in cc), an unlisted one to followers (public in cc, so it can be fetched but is not listed).
 */
export function getVideoAudience (accountActor: Pick<ActorModel, 'url' | 'followersUrl'>, privacy: VideoPrivacyType): Audience {
  if (privacy === VideoPrivacy.PUBLIC) return { to: [ ACTIVITY_STREAMS_PUBLIC ], cc: [ followersOf(accountActor) ] }
  if (privacy === VideoPrivacy.UNLISTED) return { to: [ followersOf(accountActor) ], cc: [ ACTIVITY_STREAMS_PUBLIC ] }
  return { to: [ followersOf(accountActor) ], cc: [] }
}

/** An Announce reaches the public and the followers of everyone involved in the video. */
export function getAudienceFromFollowersOf (actors: Pick<ActorModel, 'url' | 'followersUrl'>[]): Audience {
  return { to: [ ACTIVITY_STREAMS_PUBLIC, ...new Set(actors.map(followersOf)) ], cc: [] }
}

export function hasPublicAudience (to: unknown) {
  const values = Array.isArray(to) ? to : [ to ]
  return values.some(v => typeof v === 'string' && PUBLIC_VALUES.has(v))
}
