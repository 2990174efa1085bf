import { ABUSE_PREDEFINED_REASONS, type AbusePredefinedReason } from '../../../../shared/models/client-moderation.js'
import { UserRight } from '../../../../shared/models/users.js'
import type { AuthenticatedUser } from '../../../models/user/authenticated-user.js'
import { AccountModel } from '../../../models/account/account.js'
import { HttpProblem, invalidField } from '../../http-problems/http-problem.js'
import { canSeeVideo, isVideoOwner } from '../../videos/video-access.js'
import { loadVideo } from '../../videos/video-loader.js'
import type { AbuseTarget } from './abuse-target.js'
import { createAbuse } from './create-abuse.js'
import { loadReportableComment } from './reportable-comments.js'

export interface ReportInput {
  reason: string
  predefinedReasons?: AbusePredefinedReason[]
  video?: { id: string, startAt?: number, endAt?: number }
  comment?: { id: number }
  account?: { id: number }
}

/** A 404 that names the field holding the unknown id, like validation errors do. */
function unknownObject (path: string, what: string, value: unknown) {
  return new HttpProblem({
    status: 404,
    detail: `${what} not found`,
    invalidParams: { [path]: { type: 'field', value, msg: `Should be the id of an existing ${what.toLowerCase()} you can see`, path, location: 'body' } }
  })
}

async function resolveTarget (user: AuthenticatedUser, input: ReportInput): Promise<AbuseTarget> {
  if (input.video) {
    const video = await loadVideo(String(input.video.id), 'summary')
    if (!video || !canSeeVideo(video, user, { byNumericId: /^\d+$/.test(String(input.video.id)) })) {
      throw unknownObject('video.id', 'Video', input.video.id)
    }
    if (isVideoOwner(video, user)) throw invalidField('body', 'video.id', 'You cannot report your own video', input.video.id)

    const { startAt, endAt } = input.video
    if (startAt !== undefined && startAt > video.duration) {
      throw invalidField('body', 'video.startAt', `Should be within the video (at most ${video.duration} s)`, startAt)
    }
    if (endAt !== undefined && endAt > video.duration) {
      throw invalidField('body', 'video.endAt', `Should be within the video (at most ${video.duration} s)`, endAt)
    }
    if (startAt !== undefined && endAt !== undefined && endAt < startAt) {
      throw invalidField('body', 'video.endAt', 'Should not be before startAt', endAt)
    }
    return { type: 'video', video, startAt, endAt }
  }

  if (input.comment) {
    const comment = await loadReportableComment(input.comment.id, user)
    if (!comment) throw unknownObject('comment.id', 'Comment', input.comment.id)
    if (comment.account.id === user.Account.id) throw invalidField('body', 'comment.id', 'You cannot report your own comment', input.comment.id)
    return { type: 'comment', comment }
  }

  const accountId = input.account!.id
  const account = await AccountModel.findByPk(accountId, { include: [ AccountModel.withActor() ] })
  if (!account) throw unknownObject('account.id', 'Account', accountId)
  if (account.id === user.Account.id) throw invalidField('body', 'account.id', 'You cannot report yourself', accountId)
  return { type: 'account', account }
}

/** POST /abuses: a local user reports a video, a comment or an account (the body schema ensured exactly one). */
export async function reportAbuse (user: AuthenticatedUser, input: ReportInput) {
  const target = await resolveTarget(user, input)
  return createAbuse({
    reporterAccount: user.Account,
    reason: input.reason,
    predefinedReasons: (input.predefinedReasons ?? []).map(name => ABUSE_PREDEFINED_REASONS[name]),
    target,
    reporterIsModerator: user.hasRight(UserRight.MANAGE_ABUSES)
  })
}
