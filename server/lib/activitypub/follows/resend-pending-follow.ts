import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { sendFollow } from '../send/follow-activities.js'

const log = loggerWithTags('activitypub', 'follows')

/** activitypub-follow-resend: send again a Follow of ours that is still pending. */
export interface ActivitypubFollowResendPayload {
  followId: number
  /** 1 for the first resend. */
  attempt: number
}

/** `federation.followings.resend_pending`: first, then doubling, at most max (never under a second: no busy loop). */
export function followResendDelayMs (attempt: number) {
  const { first, max } = CONFIG.federation.followings.resend_pending
  return Math.max(1000, Math.min(first * 2 ** Math.min(attempt - 1, 30), max))
}

/**
 * Plans the next resend of a pending follow, in the current unit of work. The dedup key alternates with the
 * attempt's parity: the running resend (one key) can plan the next one (the other key), and a second chain,
 * started when the follow was asked for again meanwhile, merges into the first at its next step (its next key is
 * taken), so a follow has one resend planned, not one per request.
 */
export async function scheduleFollowResend (followId: number, attempt = 1) {
  await jobQueue.createJob('activitypub-follow-resend', { followId, attempt }, {
    delay: followResendDelayMs(attempt),
    dedupKey: `follow-resend:${followId}:${attempt % 2}`
  })
}

/**
 * A Follow whose Accept never came (a delivery the other side lost: PeerTube drops one now and then after an
 * idle connection) is sent again, with the same id: PeerTube and Mastodon answer a repeated Follow with a new
 * Accept, and our side ignores a second Accept. Ends when the follow is accepted, refused or removed.
 */
export async function processActivitypubFollowResend (job: Job<ActivitypubFollowResendPayload>) {
  const { followId, attempt } = job.data
  return unitOfWork(async () => {
    const follow = await ActorFollowModel.loadWithActors(followId)
    if (!follow || follow.state !== 'pending' || !follow.ActorFollower?.isLocal() || follow.ActorFollowing?.isLocal() !== false) {
      return { resent: false }
    }

    log.info(`Follow ${follow.url} still pending: sending it again (resend ${attempt})`)
    await sendFollow(follow)
    await scheduleFollowResend(follow.id, attempt + 1)
    return { resent: true, attempt }
  })
}
