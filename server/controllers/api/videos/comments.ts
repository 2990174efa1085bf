import { VideoCommentPolicy } from '../../../../shared/models/video-comments.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { approveComment } from '../../../lib/video-comments/approve-comment.js'
import {
  commentViewerOf, ensureCanApproveComment, ensureCanDeleteComment, ensureCommentsEnabled, videoOwnerAccountId
} from '../../../lib/video-comments/comment-rules.js'
import { listCommentsOfThread, listVideoCommentThreads, loadThreadOfVideo, loadVideoComment } from '../../../lib/video-comments/comment-finders.js'
import { createLocalComment } from '../../../lib/video-comments/create-local-comment.js'
import { deleteComment } from '../../../lib/video-comments/delete-comment.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { commentBody, commentParams, commentThreadsQuery, threadParams } from '../../../middlewares/validation/video-comments.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { buildCommentTree, formatVideoComment } from '../../../models/video/formatters/video-comment-formatter.js'
import type { VideoModel } from '../../../models/video/video.js'
import { ApiRouter } from '../../shared/api-router.js'

// A video's comments: threads, one thread as a tree, writing, replying, deleting and approving (PeerTube's routes).

export const videoCommentsRouter = new ApiRouter('/api/v1')

/** A comment of the video that this user may see (a held one shows to its author, the video owner, moderators). */
async function loadVisibleComment (video: VideoModel, commentId: number, user: AuthenticatedUser | undefined) {
  const comment = await loadVideoComment(commentId, video.id)
  const viewer = commentViewerOf(video, user)
  if (!comment || (comment.heldForReview && !viewer.canSeeHeld && comment.accountId !== viewer.accountId)) {
    throw notFound('Video comment not found')
  }
  return comment
}

async function loadExistingVideo (id: string) {
  const video = await loadVideo(id, 'summary')
  if (!video) throw notFound('Video not found')
  return video
}

videoCommentsRouter.get('/videos/:id/comment-threads', {
  operationId: 'getVideoCommentThreads',
  summary: 'List the threads of a video (first comments, with their reply counts)',
  tags: [ 'Video Comments' ],
  auth: 'optional',
  params: videoIdParams,
  query: commentThreadsQuery
}, async ({ params, query, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  if (video.commentsPolicy === VideoCommentPolicy.DISABLED) {
    res.json({ total: 0, data: [], totalNotDeletedComments: 0 })
    return
  }

  const { total, data, totalNotDeletedComments } = await listVideoCommentThreads({
    videoId: video.id, videoAccountId: videoOwnerAccountId(video), viewer: commentViewerOf(video, user), ...query
  })
  res.json({ total, data: data.map(formatVideoComment), totalNotDeletedComments })
})

videoCommentsRouter.get('/videos/:id/comment-threads/:threadId', {
  operationId: 'getVideoCommentThread',
  summary: 'Get a thread: its first comment and the replies under it, nested',
  tags: [ 'Video Comments' ],
  auth: 'optional',
  params: threadParams,
  responses: { 200: 'The thread', 404: 'No such video or thread' }
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  const thread = video.commentsPolicy === VideoCommentPolicy.DISABLED ? null : await loadThreadOfVideo(params.threadId, video.id)
  if (!thread) throw notFound('Video comment thread not found')

  const comments = await listCommentsOfThread({
    videoId: video.id, videoAccountId: videoOwnerAccountId(video), threadId: thread.id, viewer: commentViewerOf(video, user)
  })
  const tree = buildCommentTree(comments)
  if (!tree) throw notFound('Video comment thread not found')
  res.json(tree)
})

videoCommentsRouter.post('/videos/:id/comment-threads', {
  operationId: 'addCommentThread',
  summary: 'Start a thread on a video (Markdown text)',
  tags: [ 'Video Comments' ],
  auth: 'required',
  params: videoIdParams,
  body: commentBody,
  responses: { 200: 'The comment', 400: 'Empty or too long text', 403: 'You cannot see this video', 404: 'No such video', 409: 'Comments are disabled' }
}, async ({ params, body, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  ensureCommentsEnabled(video)
  const comment = await createLocalComment({ video, user, text: body.text })
  res.json({ comment: formatVideoComment(comment) })
})

videoCommentsRouter.post('/videos/:id/comments/:commentId', {
  operationId: 'addCommentReply',
  summary: 'Reply to a comment of a video',
  tags: [ 'Video Comments' ],
  auth: 'required',
  params: commentParams,
  body: commentBody,
  responses: { 200: 'The reply', 404: 'No such video or comment', 409: 'Comments are disabled' }
}, async ({ params, body, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  ensureCommentsEnabled(video)
  const parent = await loadVisibleComment(video, params.commentId, user)
  const comment = await createLocalComment({ video, user, text: body.text, inReplyTo: parent })
  res.json({ comment: formatVideoComment(comment) })
})

videoCommentsRouter.delete('/videos/:id/comments/:commentId', {
  operationId: 'delVideoComment',
  summary: 'Delete a comment (its author, the video owner or a moderator): a tombstone keeps its replies in place',
  tags: [ 'Video Comments' ],
  auth: 'required',
  params: commentParams,
  responses: { 204: 'Deleted', 403: 'Not yours', 404: 'No such video or comment', 409: 'Already deleted' }
}, async ({ params, user }, _req, res) => {
  const video = await loadExistingVideo(params.id)
  const comment = await loadVisibleComment(video, params.commentId, user)
  ensureCanDeleteComment(comment, user)
  await deleteComment(comment, user)
  res.sendStatus(204)
})

videoCommentsRouter.post('/videos/:id/comments/:commentId/approve', {
  operationId: 'approveComment',
  summary: 'Approve a comment held for review (the video owner or a moderator)',
  tags: [ 'Video Comments' ],
  auth: 'required',
  params: commentParams,
  responses: { 204: 'Approved', 403: 'Not your video', 404: 'No such video or comment', 409: 'Not held, or deleted' }
}, async ({ params, user }, _req, res) => {
  const video = await loadExistingVideo(params.id)
  const comment = await loadVisibleComment(video, params.commentId, user)
  ensureCanApproveComment(comment, user)
  await approveComment(comment, user)
  res.sendStatus(204)
})
