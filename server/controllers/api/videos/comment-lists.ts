import { UserRight } from '../../../../shared/models/users.js'
import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { blockingAccountIdsFor } from '../../../lib/moderation/blocklist/viewer-filters.js'
import { loadChannelById } from '../../../lib/video-channels/channel-finders.js'
import { listCommentsAcrossVideos } from '../../../lib/video-comments/comment-finders.js'
import { videoOwnerAccountId } from '../../../lib/video-comments/comment-rules.js'
import { loadVideo } from '../../../lib/videos/video-loader.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { commentsListQuery } from '../../../middlewares/validation/video-comments.js'
import { formatVideoCommentForAdmin } from '../../../models/video/formatters/video-comment-formatter.js'
import type { AdminCommentFilters } from '../../../models/video/queries/video-comment-queries.js'
import { ApiRouter } from '../../shared/api-router.js'
import type { z } from 'zod'

// Comments across videos: the instance's (moderators) and those on my videos (owners). Registered before
// /videos/:id, which would take "comments" for a video id.

export const commentListsRouter = new ApiRouter('/api/v1')

type ListQuery = z.output<typeof commentsListQuery>

/** The query's video (any id spelling) and channel, which an owner may only ask about when they are theirs. */
async function toFilters (query: ListQuery, owner?: AuthenticatedUser): Promise<AdminCommentFilters> {
  const { videoId: videoParam, ...rest } = query
  let videoId: number | undefined
  if (videoParam !== undefined) {
    const video = await loadVideo(videoParam, 'summary')
    if (!video) throw notFound('Video not found')
    if (owner && videoOwnerAccountId(video) !== owner.Account.id && !owner.hasRight(UserRight.SEE_ALL_COMMENTS)) {
      throw forbidden('This video is not yours', ProblemCode.NOT_ALLOWED)
    }
    videoId = video.id
  }
  if (query.videoChannelId !== undefined) {
    const channel = await loadChannelById(query.videoChannelId)
    if (!channel) throw notFound('Video channel not found')
    if (owner && channel.accountId !== owner.Account.id && !owner.hasRight(UserRight.SEE_ALL_COMMENTS)) {
      throw forbidden('This channel is not yours', ProblemCode.NOT_ALLOWED)
    }
  }
  return { ...rest, videoId }
}

commentListsRouter.get('/videos/comments', {
  operationId: 'getComments',
  summary: 'List the comments of the instance (local and remote, on local and remote videos), for moderators',
  tags: [ 'Video Comments' ],
  auth: 'required',
  right: UserRight.SEE_ALL_COMMENTS,
  query: commentsListQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await listCommentsAcrossVideos(await toFilters(query))
  res.json({ total, data: data.map(formatVideoCommentForAdmin) })
})

commentListsRouter.get('/users/me/videos/comments', {
  operationId: 'getCommentsOnMyVideos',
  summary: 'List the comments on my videos (isHeldForReview=true: those waiting for my approval)',
  tags: [ 'My User', 'Video Comments' ],
  auth: 'required',
  query: commentsListQuery
}, async ({ query, user }, _req, res) => {
  // What the owner and the instance muted stays out of the owner's list too (moderators' list shows everything).
  const filters = { ...await toFilters(query, user), videoOwnerAccountId: user.Account.id, mutedByAccountIds: blockingAccountIdsFor(user) }
  const { total, data } = await listCommentsAcrossVideos(filters)
  res.json({ total, data: data.map(formatVideoCommentForAdmin) })
})
