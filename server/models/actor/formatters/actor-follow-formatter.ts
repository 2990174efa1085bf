import { formatActorFields, requireActor } from '../../account/formatters/account-formatter.js'
import type { ActorFollowModel } from '../actor-follow.js'
import type { ActorModel } from '../actor.js'

/** PeerTube's `Actor` as embedded in a `Follow` of the REST API. */
export function formatFollowActor (actor: ActorModel) {
  return {
    ...formatActorFields(actor),
    id: actor.id,
    createdAt: actor.createdAt,
    banners: [] as unknown[]
  }
}

/** PeerTube's `Follow` (GET /api/v1/server/followers and /following). Needs both actors (with Server) loaded. */
export function formatActorFollow (follow: ActorFollowModel) {
  return {
    id: follow.id,
    follower: formatFollowActor(requireActor(follow.ActorFollower, 'follower')),
    following: formatFollowActor(requireActor(follow.ActorFollowing, 'following')),
    score: follow.score,
    state: follow.state,
    createdAt: follow.createdAt,
    updatedAt: follow.updatedAt
  }
}
