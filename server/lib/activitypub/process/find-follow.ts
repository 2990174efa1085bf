import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { getObjectId, isObject } from '../activity-types.js'

/**
 * The follow a Follow activity (inline or by id) refers to, between `followerUrl`'s actor and `targetUrl`'s
 * actor when the ids of the activity are not ours. Null when we have no such follow.
 */
export async function findFollowFromActivity (followObject: unknown) {
  const followUrl = getObjectId(followObject)
  if (followUrl) {
    const byUrl = await ActorFollowModel.loadByUrl(followUrl)
    if (byUrl) return byUrl
  }

  if (!isObject(followObject)) return null
  const followerUrl = getObjectId(followObject.actor)
  const targetUrl = getObjectId(followObject.object)
  if (!followerUrl || !targetUrl) return null

  const [ follower, target ] = await Promise.all([ ActorModel.loadByUrl(followerUrl), ActorModel.loadByUrl(targetUrl) ])
  if (!follower || !target) return null
  return ActorFollowModel.loadByActorAndTarget(follower.id, target.id)
}
