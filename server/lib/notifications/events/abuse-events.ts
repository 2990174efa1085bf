import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { UserRight } from '../../../../shared/models/users.js'
import { AccountModel } from '../../../models/account/account.js'
import { findUserIdsOfAccounts, listUserIdsWithRight } from '../../../models/user/queries/notification-recipients.js'
import { VideoModel } from '../../../models/video/video.js'
import type { NotificationEvent } from '../notification-event.js'
import { adminUrl, myAbusesUrl } from './links.js'

/** What the moderation module reports of a report (PeerTube's "abuse"). */
export interface AbusePayload {
  abuseId: number
  /** PeerTube's AbuseState: 1 pending, 2 rejected, 3 accepted. */
  state: number
  /** What was reported: a video, a comment (its thread and video) or an account. */
  videoId?: number | null
  commentThreadId?: number | null
  flaggedAccountId?: number | null
  reporterAccountId?: number | null
}

const STATE_LABELS: Record<number, string> = { 1: 'pending', 2: 'rejected', 3: 'accepted' }

/**
 * The report's video and flagged account are referenced only while they exist: a report outlives them (it keeps
 * what it said), and so does its notification. A reference to a deleted row would fail the insert at every attempt
 * (foreign key), leaving the notify job failed and nobody told.
 */
async function refsOf (payload: AbusePayload) {
  const [ video, account ] = await Promise.all([
    payload.videoId ? VideoModel.findByPk(payload.videoId, { attributes: [ 'id' ] }) : null,
    payload.flaggedAccountId ? AccountModel.findByPk(payload.flaggedAccountId, { attributes: [ 'id' ] }) : null
  ])
  return {
    videoId: video?.id ?? undefined,
    accountId: account?.id ?? undefined,
    details: {
      abuse: {
        id: payload.abuseId,
        state: payload.state,
        ...(payload.commentThreadId ? { comment: { threadId: payload.commentThreadId } } : {})
      }
    }
  }
}

/** A new report (made here, or received as a Flag): moderators who handle reports are told, but not its reporter. */
export async function newAbuseForModerators (payload: AbusePayload & { reason: string }): Promise<NotificationEvent[]> {
  const [ moderatorIds, reporterIds ] = await Promise.all([
    listUserIdsWithRight(UserRight.MANAGE_ABUSES),
    findUserIdsOfAccounts(payload.reporterAccountId ? [ payload.reporterAccountId ] : [])
  ])
  return [ {
    type: UserNotificationType.NEW_ABUSE_FOR_MODERATORS,
    setting: 'abuseAsModerator',
    userIds: moderatorIds.filter(id => !reporterIds.includes(id)),
    refs: await refsOf(payload),
    dedupKey: `abuse:${payload.abuseId}`,
    email: {
      subject: `New report #${payload.abuseId}`,
      paragraphs: [ 'Something was reported on your instance.', `Reason: ${payload.reason}` ],
      action: { text: 'Review the reports', url: adminUrl('moderation/abuses') }
    }
  } ]
}

/** A moderator accepted or rejected a report: its local reporter is told the outcome. */
export async function abuseStateChange (payload: AbusePayload): Promise<NotificationEvent[]> {
  if (!payload.reporterAccountId) return []
  const userIds = await findUserIdsOfAccounts([ payload.reporterAccountId ])
  const label = STATE_LABELS[payload.state] ?? String(payload.state)
  return [ {
    type: UserNotificationType.ABUSE_STATE_CHANGE,
    setting: 'abuseStateChange',
    userIds,
    refs: await refsOf(payload),
    dedupKey: `abuse-state:${payload.abuseId}:${payload.state}`,
    email: {
      subject: `Your report #${payload.abuseId} was ${label}`,
      paragraphs: [ `A moderator ${label} your report #${payload.abuseId}.` ],
      action: { text: 'See your reports', url: myAbusesUrl() }
    }
  } ]
}

/** A message on a report: moderators are told of the reporter's, the reporter of the moderators'. */
export async function abuseNewMessage (payload: AbusePayload & { messageId: number, messageAccountId: number, message: string }): Promise<NotificationEvent[]> {
  const byReporter = payload.messageAccountId === payload.reporterAccountId
  const userIds = byReporter
    ? await listUserIdsWithRight(UserRight.MANAGE_ABUSES)
    : await findUserIdsOfAccounts(payload.reporterAccountId ? [ payload.reporterAccountId ] : [])
  const author = await AccountModel.findByPk(payload.messageAccountId, { attributes: [ 'id', 'name' ] })
  const authorUserId = author?.userId ?? undefined
  return [ {
    type: UserNotificationType.ABUSE_NEW_MESSAGE,
    setting: 'abuseNewMessage',
    userIds: userIds.filter(id => id !== authorUserId),
    refs: await refsOf(payload),
    dedupKey: `abuse-message:${payload.messageId}`,
    email: {
      subject: `New message on report #${payload.abuseId}`,
      paragraphs: [ `${author?.name ?? 'Someone'} wrote on report #${payload.abuseId}:`, payload.message ],
      action: { text: 'Answer', url: byReporter ? adminUrl('moderation/abuses') : myAbusesUrl() }
    }
  } ]
}
