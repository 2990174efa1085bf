import { AbuseState, type AbuseFilter } from '../../../../shared/models/client-moderation.js'
import type { AccountModel } from '../../../models/account/account.js'
import { AbuseModel, type AbuseCommentSnapshot } from '../../../models/moderation/abuse.js'
import { videoSnapshotOf } from '../../../models/moderation/formatters/abuse-formatter.js'
import { sendFlag } from '../../activitypub/abuses/send-flag.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { recordAbuseCreated } from '../moderation-events.js'
import { flaggedAccountOf, isRemoteTarget, type AbuseTarget } from './abuse-target.js'
import type { ReportableComment } from './reportable-comments.js'

export interface NewAbuse {
  reporterAccount: AccountModel
  reason: string
  /** ABUSE_PREDEFINED_REASONS values. */
  predefinedReasons: number[]
  target: AbuseTarget
  reporterIsModerator?: boolean
  /** The Flag this report comes from (received reports). */
  activityUrl?: string
}

function commentSnapshotOf (comment: ReportableComment): AbuseCommentSnapshot {
  return { id: comment.id, url: comment.url, text: comment.text, threadId: comment.threadId, video: comment.video }
}

/**
 * Records a report, in one unit of work with what must follow it: the Flag to the object's origin when a local
 * user reports a remote object (sent by the server actor, so the reporter stays anonymous to the other
 * instance), and the moderation event the notifications hook into.
 */
export async function createAbuse (input: NewAbuse) {
  const { target } = input
  const flaggedAccount = flaggedAccountOf(target)
  const type: AbuseFilter = target.type

  return unitOfWork(async () => {
    const abuse = await AbuseModel.create({
      type,
      reason: input.reason,
      predefinedReasons: input.predefinedReasons.length === 0 ? null : input.predefinedReasons,
      state: AbuseState.PENDING,
      reporterAccountId: input.reporterAccount.id,
      flaggedAccountId: flaggedAccount.id,
      videoId: target.type === 'video' ? target.video.id : null,
      startAt: target.type === 'video' ? target.startAt ?? null : null,
      endAt: target.type === 'video' ? target.endAt ?? null : null,
      videoCommentId: target.type === 'comment' ? target.comment.id : null,
      videoSnapshot: target.type === 'video' ? videoSnapshotOf(target.video) : null,
      commentSnapshot: target.type === 'comment' ? commentSnapshotOf(target.comment) : null,
      activityUrl: input.activityUrl ?? null
    })

    const reportedHere = input.activityUrl === undefined
    if (reportedHere && isRemoteTarget(target)) await sendFlag({ abuse, target, flaggedAccount })
    await recordAbuseCreated(abuse, input.reporterIsModerator ?? false)
    return abuse
  })
}
