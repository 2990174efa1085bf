import { formatAccount } from '../../account/formatters/account-formatter.js'
import type { CommentWithCounters } from '../queries/video-comment-queries.js'
import type { VideoCommentModel } from '../video-comment.js'

// PeerTube's REST shapes of comments. A deleted comment shows no text and no author.

type Counted = VideoCommentModel & Partial<Pick<CommentWithCounters, 'totalReplies' | 'totalRepliesFromVideoAuthor'>>

/** PeerTube's `VideoComment`. Needs Account (with its actor) loaded unless deleted. */
export function formatVideoComment (comment: Counted) {
  const deleted = comment.isDeleted()
  return {
    id: comment.id,
    url: comment.url,
    text: deleted ? '' : comment.text,
    threadId: comment.threadId(),
    inReplyToCommentId: comment.inReplyToCommentId ?? null,
    videoId: comment.videoId,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    deletedAt: comment.deletedAt ?? null,
    heldForReview: comment.heldForReview,
    isDeleted: deleted,
    totalRepliesFromVideoAuthor: comment.totalRepliesFromVideoAuthor ?? 0,
    totalReplies: comment.totalReplies ?? 0,
    account: !deleted && comment.Account ? formatAccount(comment.Account) : null
  }
}

export type FormattedVideoComment = ReturnType<typeof formatVideoComment>

export interface FormattedCommentTree {
  comment: FormattedVideoComment
  children: FormattedCommentTree[]
}

/**
 * A thread as PeerTube nests it: the first comment and, under each comment, its replies in date order. A reply
 * whose parent the viewer cannot see (held for approval) is left out with its own replies.
 */
export function buildCommentTree (comments: Counted[]): FormattedCommentTree | undefined {
  const first = comments.find(c => c.inReplyToCommentId === null || c.inReplyToCommentId === undefined)
  if (!first) return undefined

  // Remote clocks differ: a reply may be dated before its parent, so nodes exist before any is attached.
  const nodes = new Map(comments.map(c => [ c.id, { comment: formatVideoComment(c), children: [] as FormattedCommentTree[] } ]))
  for (const reply of comments) {
    if (reply === first || reply.inReplyToCommentId === null) continue
    nodes.get(reply.inReplyToCommentId)?.children.push(nodes.get(reply.id)!)
  }
  return nodes.get(first.id)
}

/** PeerTube's `VideoCommentForAdminOrUser`. Needs Account (with its actor) and Video loaded. */
export function formatVideoCommentForAdmin (comment: VideoCommentModel) {
  const video = comment.Video
  if (!video || !comment.Account) throw new Error('formatVideoCommentForAdmin needs the comment\'s account and video loaded')
  return {
    id: comment.id,
    url: comment.url,
    text: comment.text,
    threadId: comment.threadId(),
    inReplyToCommentId: comment.inReplyToCommentId ?? null,
    videoId: comment.videoId,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    heldForReview: comment.heldForReview,
    automaticTags: [] as string[],
    video: { id: video.id, uuid: video.uuid, name: video.name },
    account: formatAccount(comment.Account)
  }
}
