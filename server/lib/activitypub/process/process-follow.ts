import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { getObjectId } from '../activity-types.js'
import { sendAcceptFollow, sendRejectFollow } from '../send/follow-activities.js'
import { followBackIfWanted } from '../follows/follow-back.js'
import { refuseFollowIfBlocked } from '../follows/refuse-blocked-follow.js'
import { isServerActor } from '../server-actor.js'
import { notifyNewFollow } from '../../notifications/index.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { ActivityContext } from './activity-context.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * A remote actor follows one of ours. Accepted at once, except instance follows (of the server actor) when
 * the admin approves them by hand, or refuses them altogether (`followers.instance.enabled: false`). The row, the
 * answer's delivery, the notification and the follow-back are one unit of work (a retried activity finds the row
 * and answers again, so nothing is half done).
 */
export async function processFollow ({ activity, byActor }: ActivityContext) {
  const targetUrl = getObjectId(activity.object)
  const target = targetUrl ? await ActorModel.loadByUrl(targetUrl) : null
  if (!target || !target.isLocal()) {
    log.debug(`Follow ${activity.id} targets ${targetUrl}, which is not one of our actors: ignored`)
    return
  }
  if (byActor.isLocal()) return
  if (await refuseFollowIfBlocked(activity, byActor, target)) return

  const instanceFollow = isServerActor(target)
  const refused = instanceFollow && !CONFIG.federation.followers.instance.enabled
  const manual = instanceFollow && CONFIG.federation.followers.instance.manual_approval

  await unitOfWork(async () => {
    let follow = await ActorFollowModel.loadByActorAndTarget(byActor.id, target.id)
    const isNew = !follow
    if (follow) {
      // A new Follow for the same pair (the old one was lost, or undone and redone): keep its id for the replies.
      if (follow.url !== activity.id) await follow.update({ url: activity.id })
    } else {
      await ActorFollowModel.create({
        actorId: byActor.id,
        targetActorId: target.id,
        state: refused ? 'rejected' : manual ? 'pending' : 'accepted',
        url: activity.id
      })
      follow = (await ActorFollowModel.loadByActorAndTarget(byActor.id, target.id))!
    }

    if (follow.state === 'rejected') {
      await sendRejectFollow(follow)
      // Refused because instance followers are disabled: nothing to remember, the admin may enable them later.
      if (refused && isNew) await follow.destroy()
      return
    }
    if (isNew) await notifyNewFollow(follow)
    if (follow.state === 'pending') {
      log.info(`${byActor.url} asks to follow ${target.url}: waiting for an administrator`)
      return
    }

    await sendAcceptFollow(follow)
    if (isNew && instanceFollow) await followBackIfWanted(byActor)
  })
}
