import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { notifyNewFollow } from '../../notifications/index.js'
import { localFollowActivityUrl } from '../local-urls.js'
import { sendFollow, sendUndoFollow } from '../send/follow-activities.js'
import { followResendDelayMs } from './follow-resend-delay.js'
import { startOutboxSync } from '../catalogue/outbox-sync.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'

const log = loggerWithTags('activitypub', 'follows')

/**
 * Makes one of our actors follow another actor. A remote target gets a Follow (the follow stays pending until
 * its Accept); a local target is followed at once. Following again an actor already followed re-sends the
 * Follow if it is still pending (the first one may have been lost) and does nothing if accepted; a pending
 * Follow is also sent again by itself on a backoff (lib/schedulers/pending-follows-resend.ts). The row, the
 * Follow's delivery and the notification are one unit of work: a follow is never left without its Follow.
 */
export async function followActor (follower: ActorModel, target: ActorModel) {
  if (!follower.isLocal()) throw new Error(`${follower.url} is not ours: it cannot follow from here`)
  if (follower.id === target.id) throw new Error('An actor cannot follow itself')

  const state = target.isLocal() ? 'accepted' as const : 'pending' as const

  return unitOfWork(async () => {
    let follow = await ActorFollowModel.loadByActorAndTarget(follower.id, target.id)
    const created = !follow
    if (follow) {
      if (follow.state !== 'accepted' && follow.state !== state) await follow.update({ state })
    } else {
      await ActorFollowModel.create({
        actorId: follower.id,
        targetActorId: target.id,
        state,
        url: localFollowActivityUrl(follower, target)
      })
      follow = (await ActorFollowModel.loadByActorAndTarget(follower.id, target.id))!
    }

    if (follow.state === 'pending') {
      await sendFollow(follow)
      // Sent again later while no Accept comes (the other side may lose it): lib/schedulers/pending-follows-resend.
      await follow.update({ followResends: 0, followResendAt: new Date(Date.now() + followResendDelayMs(0)) }, { silent: true })
    }
    // A local target hears of it here; a remote one from its own instance.
    if (created && target.isLocal()) await notifyNewFollow(follow)
    return follow
  })
}

/** Stops following: Undo to a remote target, then the follow is forgotten on our side at once (as PeerTube). */
export async function unfollow (follow: ActorFollowModel) {
  const loaded = follow.ActorFollower && follow.ActorFollowing ? follow : await ActorFollowModel.loadWithActors(follow.id)
  if (!loaded) return

  await unitOfWork(async () => {
    if (!loaded.ActorFollowing!.isLocal()) await sendUndoFollow(loaded)
    await loaded.destroy()
  })
}

/**
 * After a remote actor accepted our follow: read what it already published (its whole outbox, page by page,
 * with a visible sync state). Called in the unit of work that records the acceptance, so an accepted follow
 * always has its crawl.
 */
export async function onFollowAccepted (follow: ActorFollowModel) {
  const target = follow.ActorFollowing
  if (!target?.outboxUrl || target.isLocal()) return

  log.info(`${target.url} accepted our follow: syncing its catalogue`)
  await startOutboxSync(target)
}
