import { loggerWithTags } from '../../../helpers/logger.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { onFollowAccepted } from '../follows/follow-actor.js'
import type { ActivityContext } from './activity-context.js'
import { findFollowFromActivity } from './find-follow.js'

const log = loggerWithTags('activitypub', 'inbox')

/** Only the followed actor can answer a follow, and only a follow one of our actors made. */
async function findAnsweredFollow ({ activity, byActor }: ActivityContext) {
  const follow = await findFollowFromActivity(activity.object)
  if (!follow) {
    log.debug(`${activity.type} ${activity.id} answers no follow we know`)
    return null
  }
  if (follow.targetActorId !== byActor.id || !follow.ActorFollower?.isLocal()) {
    log.warn(`${activity.type} ${activity.id} by ${byActor.url} answers a follow that is not addressed to it: ignored`)
    return null
  }
  return follow
}

export async function processAccept (context: ActivityContext) {
  const follow = await findAnsweredFollow(context)
  if (!follow || follow.state === 'accepted') return

  await unitOfWork(async () => {
    await follow.update({ state: 'accepted' })
    await onFollowAccepted(follow)
  })
}

/** Refused (or removed by the other side): we no longer follow. */
export async function processReject (context: ActivityContext) {
  const follow = await findAnsweredFollow(context)
  if (!follow) return

  log.info(`${context.byActor.url} refused the follow of ${follow.ActorFollower!.url}`)
  await follow.destroy()
}
