import {
  listCommentsForAdmin, listCommentThreads, listThreadComments, type AdminCommentFilters
} from '../../models/video/queries/video-comment-queries.js'
import { VideoCommentModel } from '../../models/video/video-comment.js'

// Comments as requests name them (by id on their video) and the lists of them: threads, one thread, and the
// moderators' and owners' lists.

/** A comment of this video (held ones included: callers decide who sees them); null when not on this video. */
export function loadVideoComment (commentId: number, videoId: number) {
  return VideoCommentModel.loadOfVideo(commentId, videoId)
}

/** The thread's first comment, when it is one of this video's threads. */
export function loadThreadOfVideo (threadId: number, videoId: number) {
  return VideoCommentModel.loadThreadOfVideo(threadId, videoId)
}

/** The comments this one answers, from the thread's first one down. */
export function listCommentAncestors (comment: VideoCommentModel) {
  return VideoCommentModel.listAncestors(comment)
}

export function listVideoCommentThreads (options: Parameters<typeof listCommentThreads>[0]) {
  return listCommentThreads(options)
}

export function listCommentsOfThread (options: Parameters<typeof listThreadComments>[0]) {
  return listThreadComments(options)
}

/** Comments across videos: the moderators' list, or an owner's (with `videoOwnerAccountId`). */
export function listCommentsAcrossVideos (filters: AdminCommentFilters) {
  return listCommentsForAdmin(filters)
}
