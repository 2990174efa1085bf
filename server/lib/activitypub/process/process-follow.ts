import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { sequelize } from '../../../initializers/database.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { getObjectId } from '../activity-types.js'
import { sendAcceptFollow, sendRejectFollow } from '../send/follow-activities.js'
import { followBackIfWanted } from '../follows/follow-back.js'
import { refuseFollowIfBlocked } from '../follows/refuse-blocked-follow.js'
import { isServerActor } from '../server-actor.js'
import { notifyNewFollow } from '../../notifications/index.js'
import type { ActivityContext } from './activity-context.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * A remote actor follows one of ours. Accepted at once, except instance follows (of the server actor) when
 * the admin approves them by hand, or refuses them altogether (`followers.instance.enabled: false`).
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

  const { follow, isNew } = await sequelize().transaction(async transaction => {
    const existing = await ActorFollowModel.loadByActorAndTarget(byActor.id, target.id, transaction)
    if (existing) {
      // A new Follow for the same pair (the old one was lost, or undone and redone): keep its id for the replies.
      if (existing.url !== activity.id) await existing.update({ url: activity.id }, { transaction })
      return { follow: existing, isNew: false }
    }

    await ActorFollowModel.create({
      actorId: byActor.id,
      targetActorId: target.id,
      state: refused ? 'rejected' : manual ? 'pending' : 'accepted',
      url: activity.id
    }, { transaction })
    return { follow: (await ActorFollowModel.loadByActorAndTarget(byActor.id, target.id, transaction))!, isNew: true }
  })

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
}
