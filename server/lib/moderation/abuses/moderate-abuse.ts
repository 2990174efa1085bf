import type { AbuseStateId } from '../../../../shared/models/client-moderation.js'
import { UserRight } from '../../../../shared/models/users.js'
import type { AuthenticatedUser } from '../../../models/user/authenticated-user.js'
import { AbuseMessageModel } from '../../../models/moderation/abuse-message.js'
import type { AbuseModel } from '../../../models/moderation/abuse.js'
import { loadAbuse } from '../../../models/moderation/queries/abuse-list-query.js'
import { badRequest, forbidden, notFound } from '../../http-problems/http-problem.js'
import { ProblemCode } from '../../http-problems/problem-codes.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { recordAbuseMessageAdded, recordAbuseStateChanged } from '../moderation-events.js'

export async function loadAbuseOrFail (id: number) {
  const abuse = await loadAbuse(id)
  if (!abuse) throw notFound('Abuse not found')
  return abuse
}

/**
 * A moderator's decision: a new state (the report counts as processed from then on) and/or the note only
 * moderators read. As PeerTube, neither is sent to other instances: we change our copy of the report.
 */
export async function moderateAbuse (abuse: AbuseModel, changes: { state?: AbuseStateId, moderationComment?: string }) {
  await unitOfWork(async () => {
    const stateChanged = changes.state !== undefined && changes.state !== abuse.state
    if (changes.moderationComment !== undefined) abuse.moderationComment = changes.moderationComment
    if (changes.state !== undefined) {
      abuse.state = changes.state
      abuse.processedAt ??= new Date()
    }
    await abuse.save()
    if (stateChanged) await recordAbuseStateChanged(abuse)
  })
}

export async function deleteAbuse (abuse: AbuseModel) {
  await abuse.destroy()
}

/**
 * Messages of a report are between its reporter and the moderators: a user reads and writes only on their own
 * reports (403 otherwise), and only reports made here have a reporter to talk to.
 */
export function ensureCanUseAbuseMessages (abuse: AbuseModel, user: AuthenticatedUser) {
  const isReporter = abuse.reporterAccountId === user.Account.id
  if (!isReporter && !user.hasRight(UserRight.MANAGE_ABUSES)) throw forbidden('This report is not yours', ProblemCode.NOT_ALLOWED)
  if (!abuse.ReporterAccount?.Actor?.isLocal()) throw badRequest('Messages are only possible on reports made by users of this instance')
}

export async function addAbuseMessage (abuse: AbuseModel, user: AuthenticatedUser, text: string) {
  const byModerator = abuse.reporterAccountId !== user.Account.id
  return unitOfWork(async () => {
    const message = await AbuseMessageModel.create({ message: text, byModerator, accountId: user.Account.id, abuseId: abuse.id })
    // A moderator's answer counts as processing the report.
    if (byModerator && !abuse.processedAt) await abuse.update({ processedAt: new Date() })
    await recordAbuseMessageAdded(abuse, message)
    return message
  })
}

/** Its author, or a moderator, may delete a message. */
export async function deleteAbuseMessage (abuse: AbuseModel, messageId: number, user: AuthenticatedUser) {
  const message = await AbuseMessageModel.loadInAbuse(messageId, abuse.id)
  if (!message) throw notFound('Abuse message not found')
  if (message.accountId !== user.Account.id && !user.hasRight(UserRight.MANAGE_ABUSES)) {
    throw forbidden('You can only delete your own messages', ProblemCode.NOT_ALLOWED)
  }
  await message.destroy()
}
