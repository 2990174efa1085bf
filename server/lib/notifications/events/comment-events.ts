import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { AccountModel } from '../../../models/account/account.js'
import { findOwnerUserIdOfVideo, findUserIdsOfAccounts } from '../../../models/user/queries/notification-recipients.js'
import { VideoModel } from '../../../models/video/video.js'
import type { NotificationEvent } from '../notification-event.js'
import { watchUrl } from './links.js'

/** What the comments module reports of a new comment (local or received from a remote instance). */
export interface NewCommentPayload {
  commentId: number
  /** The thread's first comment (the comment itself when it starts one). */
  threadId: number
  videoId: number
  /** The author's account, local or remote. */
  accountId: number
  heldForReview: boolean
  /** The comment as plain text, for the mail. */
  text: string
  /** Accounts it mentions (@name, @name@host), resolved. */
  mentionedAccountIds: number[]
  /** The author of the comment it answers, if any. */
  inReplyToAccountId?: number | null
}

const excerpt = (text: string) => (text.length > 300 ? text.slice(0, 297) + '...' : text)

/**
 * A comment: the video's owner is told (NEW_COMMENT_ON_MY_VIDEO); the local users it mentions or answers are told
 * (COMMENT_MENTION), except the author and the owner, who already is.
 */
export async function newComment (payload: NewCommentPayload): Promise<NotificationEvent[]> {
  const [ video, author, ownerUserId ] = await Promise.all([
    VideoModel.findByPk(payload.videoId, { attributes: [ 'id', 'uuid', 'name' ] }),
    AccountModel.findByPk(payload.accountId),
    findOwnerUserIdOfVideo(payload.videoId)
  ])
  if (!video || !author) return []

  const authorUserId = author.userId ?? undefined
  const refs = {
    videoId: video.id,
    accountId: author.id,
    details: { comment: { id: payload.commentId, threadId: payload.threadId, heldForReview: payload.heldForReview } }
  }
  const events: NotificationEvent[] = []

  if (ownerUserId !== undefined && ownerUserId !== authorUserId) {
    events.push({
      type: UserNotificationType.NEW_COMMENT_ON_MY_VIDEO,
      setting: 'newCommentOnMyVideo',
      userIds: [ ownerUserId ],
      refs,
      dedupKey: `comment:${payload.commentId}`,
      email: {
        subject: `New comment on your video "${video.name}"`,
        paragraphs: [ `${author.name} commented on "${video.name}"${payload.heldForReview ? ' (held for your review)' : ''}:`, excerpt(payload.text) ],
        action: { text: 'Read it', url: `${watchUrl(video)};threadId=${payload.threadId}` }
      }
    })
  }

  const mentioned = [ ...payload.mentionedAccountIds, ...(payload.inReplyToAccountId ? [ payload.inReplyToAccountId ] : []) ]
  const mentionedUserIds = (await findUserIdsOfAccounts(mentioned)).filter(id => id !== authorUserId && id !== ownerUserId)
  if (mentionedUserIds.length !== 0) {
    events.push({
      type: UserNotificationType.COMMENT_MENTION,
      setting: 'commentMention',
      userIds: mentionedUserIds,
      refs,
      dedupKey: `comment-mention:${payload.commentId}`,
      email: {
        subject: `${author.name} mentioned you on "${video.name}"`,
        paragraphs: [ `${author.name} mentioned or answered you in a comment on "${video.name}":`, excerpt(payload.text) ],
        action: { text: 'Read it', url: `${watchUrl(video)};threadId=${payload.threadId}` }
      }
    })
  }
  return events
}
