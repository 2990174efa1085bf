import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { listFollowersOfActors } from '../../../models/actor/queries/actor-followers-query.js'

// Follows as the API and our activities' URLs name them.

/** The follow of `targetActorId` by `actorId`, in any state; null when there is none. */
export function loadFollowBetween (actorId: number, targetActorId: number) {
  return ActorFollowModel.loadByActorAndTarget(actorId, targetActorId)
}

/** With both actors (what the Follow and Accept documents need). */
export function loadFollowWithActors (id: number) {
  return ActorFollowModel.loadWithActors(id)
}

/** The admin's lists: the server actor's followers (`targetActorId`) or follows (`actorId`). */
export function listFollows (options: Parameters<typeof ActorFollowModel.listForApi>[0]) {
  return ActorFollowModel.listForApi(options)
}

/** Who follows any of these actors (an account and its channels), one page. */
export function listFollowersOf (targetActorIds: number[], options: Parameters<typeof listFollowersOfActors>[1]) {
  return listFollowersOfActors(targetActorIds, options)
}
