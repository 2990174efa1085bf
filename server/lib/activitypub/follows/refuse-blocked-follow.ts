import { sha256Hex } from '../../../helpers/crypto/hash.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { isActorBlockedByInstance } from '../../moderation/blocklist/instance-blocks.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { Activity } from '../activity-types.js'
import { sendActivity } from '../send/send-activity.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * A Follow from an actor (or a server) the instance muted: answered with a Reject and not recorded; a follow it
 * had before goes. Returns false when the follower is not blocked. (Blocked servers' requests are already refused
 * by the inbox; this covers accounts muted one by one, and follows received before a block.)
 */
export async function refuseFollowIfBlocked (follow: Activity, byActor: ActorModel, target: ActorModel) {
  if (!await isActorBlockedByInstance(byActor)) return false

  log.info(`Refusing the follow of ${target.url} by ${byActor.url}: blocked by this instance`)
  await unitOfWork(async () => {
    const existing = await ActorFollowModel.loadByActorAndTarget(byActor.id, target.id)
    if (existing) await existing.destroy()
    await sendActivity({
      type: 'Reject',
      id: `${WEBSERVER.URL}/rejects/follows/blocked/${sha256Hex(follow.id).slice(0, 32)}`,
      actor: target.url,
      object: { type: 'Follow', id: follow.id, actor: byActor.url, object: target.url }
    }, { byActor: target, toInboxes: [ byActor.inboxUrl ] })
  })
  return true
}
