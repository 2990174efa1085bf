import { UserRight } from '../../../shared/models/users.js'
import { VideoCommentPolicy, type VideoCommentPolicyType } from '../../../shared/models/video-comments.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { CommentViewer } from '../../models/video/queries/video-comment-queries.js'
import type { VideoCommentModel } from '../../models/video/video-comment.js'
import type { VideoModel } from '../../models/video/video.js'
import { conflict, forbidden } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { blockingAccountIdsFor } from '../moderation/blocklist/viewer-filters.js'

// Who may comment, see held comments, approve and delete, in one place (PeerTube's rules).

/** The account that owns the video (its channel's account). Needs VideoChannel loaded. */
export function videoOwnerAccountId (video: VideoModel) {
  const accountId = video.VideoChannel?.accountId
  if (accountId === undefined) throw new Error(`Video ${video.uuid} must be loaded with its channel`)
  return accountId
}

function isVideoOwner (video: VideoModel, user: AuthenticatedUser | undefined) {
  return !!user && user.Account.id === videoOwnerAccountId(video)
}

/**
 * What a viewer sees of a video's comments. Held ones: the owner's and moderators' eyes. Muted authors (and
 * servers) are left out: those the instance and the viewer muted, and, on our videos, those the video's owner
 * muted — their comments are hidden from everyone there, as PeerTube does.
 */
export function commentViewerOf (video: VideoModel, user: AuthenticatedUser | undefined): CommentViewer {
  const blockers = blockingAccountIdsFor(user)
  if (!video.remote) blockers.push(videoOwnerAccountId(video))
  return {
    accountId: user?.Account.id,
    canSeeHeld: isVideoOwner(video, user) || !!user?.hasRight(UserRight.SEE_ALL_COMMENTS),
    mutedByAccountIds: [ ...new Set(blockers) ]
  }
}

/** The columns a comment policy sets: `commentsEnabled` is its older, boolean spelling. */
export function commentPolicyFields (policy: VideoCommentPolicyType) {
  return { commentsPolicy: policy, commentsEnabled: policy !== VideoCommentPolicy.DISABLED }
}

/** What a video's comments accept, for a caller that may give either spelling (policy wins). */
export function resolveCommentPolicy (policy: VideoCommentPolicyType | undefined, enabled: boolean | undefined) {
  if (policy !== undefined) return policy
  if (enabled !== undefined) return enabled ? VideoCommentPolicy.ENABLED : VideoCommentPolicy.DISABLED
  return undefined
}

/** The video accepts new comments. Who may see the video (and so comment on it) is checked when loading it. */
export function ensureCommentsEnabled (video: VideoModel) {
  if (video.commentsPolicy === VideoCommentPolicy.DISABLED) {
    throw conflict('Video comments are disabled for this video', 'comments_disabled')
  }
}

/**
 * A new comment waits for approval when the video requires it. On our videos, the owner's and moderators'
 * comments do not wait. A remote comment on a remote video was approved by its origin already (origins forward
 * approved comments only); our users' comments on a remote video wait for its origin's approval.
 */
export function mustHoldForReview (video: VideoModel, author: { user?: AuthenticatedUser, accountId: number }) {
  if (video.commentsPolicy !== VideoCommentPolicy.REQUIRES_APPROVAL) return false
  if (!video.remote && author.user) {
    if (author.accountId === videoOwnerAccountId(video) || author.user.hasRight(UserRight.MANAGE_ANY_VIDEO_COMMENT)) return false
  }
  if (video.remote && !author.user) return false
  return true
}

/** Its author, the video's owner and moderators may delete a comment, once. Needs Video.VideoChannel loaded. */
export function ensureCanDeleteComment (comment: VideoCommentModel, user: AuthenticatedUser) {
  if (comment.isDeleted()) throw conflict('This comment is already deleted', 'comment_already_deleted')
  const allowed = user.hasRight(UserRight.MANAGE_ANY_VIDEO_COMMENT) ||
    user.hasRight(UserRight.REMOVE_ANY_VIDEO_COMMENT) ||
    comment.accountId === user.Account.id ||
    isVideoOwner(comment.Video!, user)
  if (!allowed) throw forbidden('Cannot remove a video comment of another user', ProblemCode.NOT_ALLOWED)
}

/** The video's owner and moderators approve held comments. */
export function ensureCanApproveComment (comment: VideoCommentModel, user: AuthenticatedUser) {
  if (comment.isDeleted()) throw conflict('This comment is deleted', 'comment_deleted')
  if (!comment.heldForReview) throw conflict('This comment is not held for review', 'comment_not_held')
  if (!user.hasRight(UserRight.MANAGE_ANY_VIDEO_COMMENT) && !isVideoOwner(comment.Video!, user)) {
    throw forbidden('Cannot approve a video comment of another user\'s video', ProblemCode.NOT_ALLOWED)
  }
}
