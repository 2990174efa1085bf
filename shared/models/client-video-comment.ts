// Comment and rating wire shapes of /api/v1 (PeerTube 6.3). Types only, for the browser client and the server.
import type { ResultList } from './client-common.js'
import type { Account } from './client-user.js'
import type { Video } from './client-video.js'

export interface VideoComment {
  id: number
  url: string
  /** Markdown; empty for a deleted comment. */
  text: string
  threadId: number
  inReplyToCommentId: number | null
  videoId: number
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  isDeleted: boolean
  /** Held for the video owner's approval: shown to its author, the video owner and moderators only. */
  heldForReview: boolean
  totalRepliesFromVideoAuthor: number
  totalReplies: number
  /** Null for a deleted comment. */
  account: Account | null
}

/** `GET /videos/{id}/comment-threads`. */
export interface VideoCommentThreads extends ResultList<VideoComment> {
  totalNotDeletedComments: number
}

/** `GET /videos/{id}/comment-threads/{threadId}`: the thread's first comment and its replies, nested. */
export interface VideoCommentThreadTree {
  comment: VideoComment
  children: VideoCommentThreadTree[]
}

/** Items of the moderators' (`/videos/comments`) and owners' (`/users/me/videos/comments`) lists. */
export interface VideoCommentForAdminOrUser {
  id: number
  url: string
  text: string
  threadId: number
  inReplyToCommentId: number | null
  videoId: number
  createdAt: string
  updatedAt: string
  heldForReview: boolean
  automaticTags: string[]
  video: { id: number; uuid: string; name: string }
  account: Account
}

/** `GET /users/me/videos/{videoId}/rating`. */
export interface UserVideoRate {
  videoId: number
  rating: 'like' | 'dislike' | 'none'
}

/** Items of `GET /accounts/{name}/ratings`. */
export interface AccountVideoRate {
  video: Video
  rating: 'like' | 'dislike'
}
