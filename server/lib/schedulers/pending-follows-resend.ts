import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { ActorFollowModel } from '../../models/actor/actor-follow.js'
import { followResendDelayMs } from '../activitypub/follows/follow-resend-delay.js'
import { sendFollow } from '../activitypub/send/follow-activities.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

const log = loggerWithTags('activitypub', 'follows')

/** Follows sent again per round; the next round takes the rest. */
const BATCH = 100

/**
 * A Follow of ours whose Accept never came (a delivery the other side lost: PeerTube drops one now and then after an
 * idle connection) is sent again, with the same id, on a backoff (`federation.followings.resend_pending`): PeerTube
 * and Mastodon answer a repeated Follow with a new Accept, and a second Accept changes nothing here. It stops when
 * the follow is accepted, refused or removed. Checked as often as the first delay, at least every minute.
 */
export function schedulePendingFollowsResend () {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    resendDuePendingFollows()
      .catch(err => log.warn('Cannot send pending Follows again', { err }))
      .finally(() => { running = false })
  }, Math.max(1000, Math.min(CONFIG.federation.followings.resend_pending.first, 60_000)))
  timer.unref()
  return timer
}

export async function resendDuePendingFollows () {
  const due = await ActorFollowModel.listDueForResend(CONFIG.federation.followings.resend_pending.first, BATCH)
  for (const follow of due) {
    // The Follow's delivery and the next date together: a crash never loses the plan nor sends twice in a row.
    await unitOfWork(async () => {
      // Locked and read again: accepted or removed (an Undo sent) meanwhile, it is not sent again.
      const current = await ActorFollowModel.findByPk(follow.id, { attributes: [ 'id', 'state', 'followResends' ], lock: true })
      if (current?.state !== 'pending') return
      const sent = current.followResends + 1
      log.info(`Follow ${follow.url} still pending: sending it again (${sent})`)
      await sendFollow(follow)
      // Silent: updatedAt (shown by the REST API) stays the follow's last change of state.
      await follow.update({ followResends: sent, followResendAt: new Date(Date.now() + followResendDelayMs(sent)) }, { silent: true })
    })
  }
}
