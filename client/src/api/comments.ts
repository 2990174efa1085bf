// /api/v1 comments: a video's threads and replies, writing, deleting, approving; moderators' and owners' lists.
import type { ResultList } from '../../../shared/models/client-common.js'
import type {
  VideoComment, VideoCommentForAdminOrUser, VideoCommentThreadTree, VideoCommentThreads
} from '../../../shared/models/client-video-comment.js'
import { api } from './http.js'

export type ThreadSort = '-createdAt' | '-totalReplies'

const videoPath = (videoId: string | number) => `/videos/${encodeURIComponent(String(videoId))}`

export function listThreads (videoId: string | number, query: { start?: number; count?: number; sort?: ThreadSort } = {}): Promise<VideoCommentThreads> {
  return api.get<VideoCommentThreads>(`${videoPath(videoId)}/comment-threads`, query)
}

export function getThread (videoId: string | number, threadId: number): Promise<VideoCommentThreadTree> {
  return api.get<VideoCommentThreadTree>(`${videoPath(videoId)}/comment-threads/${threadId}`)
}

export async function addThread (videoId: string | number, text: string): Promise<VideoComment> {
  return (await api.post<{ comment: VideoComment }>(`${videoPath(videoId)}/comment-threads`, { text })).comment
}

export async function addReply (videoId: string | number, commentId: number, text: string): Promise<VideoComment> {
  return (await api.post<{ comment: VideoComment }>(`${videoPath(videoId)}/comments/${commentId}`, { text })).comment
}

export function deleteComment (videoId: string | number, commentId: number): Promise<void> {
  return api.delete(`${videoPath(videoId)}/comments/${commentId}`)
}

export function approveComment (videoId: string | number, commentId: number): Promise<void> {
  return api.post<void>(`${videoPath(videoId)}/comments/${commentId}/approve`)
}

export interface CommentListQuery {
  start?: number
  count?: number
  search?: string
  isLocal?: boolean
  isHeldForReview?: boolean
}

/** Every comment of the instance (moderators). */
export function listInstanceComments (query: CommentListQuery = {}): Promise<ResultList<VideoCommentForAdminOrUser>> {
  return api.get<ResultList<VideoCommentForAdminOrUser>>('/videos/comments', { ...query, sort: '-createdAt' })
}
