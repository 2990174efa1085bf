import { loggerWithTags } from '../../../helpers/logger.js'
import { sequelize } from '../../../initializers/database.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { notifyNewFollow } from '../../notifications/index.js'
import { localFollowActivityUrl } from '../local-urls.js'
import { sendFollow, sendUndoFollow } from '../send/follow-activities.js'
import { startOutboxSync } from '../catalogue/outbox-sync.js'

const log = loggerWithTags('activitypub', 'follows')

/**
 * Makes one of our actors follow another actor. A remote target gets a Follow (the follow stays pending until
 * its Accept); a local target is followed at once. Following again an actor already followed re-sends the
 * Follow if it is still pending (the first one may have been lost) and does nothing if accepted.
 */
export async function followActor (follower: ActorModel, target: ActorModel) {
  if (!follower.isLocal()) throw new Error(`${follower.url} is not ours: it cannot follow from here`)
  if (follower.id === target.id) throw new Error('An actor cannot follow itself')

  const state = target.isLocal() ? 'accepted' as const : 'pending' as const

  let created = false
  const follow = await sequelize().transaction(async transaction => {
    const existing = await ActorFollowModel.loadByActorAndTarget(follower.id, target.id, transaction)
    if (existing) {
      if (existing.state !== 'accepted' && existing.state !== state) await existing.update({ state }, { transaction })
      return existing
    }
    created = true

    await ActorFollowModel.create({
      actorId: follower.id,
      targetActorId: target.id,
      state,
      url: localFollowActivityUrl(follower, target)
    }, { transaction })
    return (await ActorFollowModel.loadByActorAndTarget(follower.id, target.id, transaction))!
  })

  if (follow.state === 'pending') await sendFollow(follow)
  // A local target hears of it here; a remote one from its own instance.
  if (created && target.isLocal()) await notifyNewFollow(follow)
  return follow
}

/** Stops following: Undo to a remote target, then the follow is forgotten on our side at once (as PeerTube). */
export async function unfollow (follow: ActorFollowModel) {
  const loaded = follow.ActorFollower && follow.ActorFollowing ? follow : await ActorFollowModel.loadWithActors(follow.id)
  if (!loaded) return

  if (!loaded.ActorFollowing!.isLocal()) await sendUndoFollow(loaded)
  await loaded.destroy()
}

/**
 * After a remote actor accepted our follow: read what it already published (its whole outbox, page by page,
 * with a visible sync state).
 */
export async function onFollowAccepted (follow: ActorFollowModel) {
  const target = follow.ActorFollowing
  if (!target?.outboxUrl || target.isLocal()) return

  await startOutboxSync(target).catch(err => log.warn(`Cannot schedule the crawl of ${target.outboxUrl}`, { err }))
}
