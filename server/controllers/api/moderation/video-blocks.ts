import { UserRight } from '../../../../shared/models/users.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { blockVideo, unblockVideo, updateVideoBlock } from '../../../lib/moderation/video-blocks/block-video.js'
import { listBlockedVideos } from '../../../lib/moderation/video-blocks/video-block-list.js'
import { loadVideo } from '../../../lib/videos/video-loader.js'
import { blockVideoBody, listVideoBlocksQuery, updateVideoBlockBody } from '../../../middlewares/validation/moderation.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { formatVideoBlock } from '../../../models/moderation/formatters/video-block-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/**
 * Video blocks (PeerTube's Video Blocks tag, "blacklist" in its routes): a blocked video is hidden from everyone
 * but its owner and the moderators; `unfederate` also deletes a local one from remote instances until unblocked.
 * Registered before /videos/:id.
 */
export const videoBlocksRouter = new ApiRouter('/api/v1')

async function loadVideoOrFail (id: string) {
  const video = await loadVideo(id, 'summary')
  if (!video) throw notFound('Video not found')
  return video
}

videoBlocksRouter.get('/videos/blacklist', {
  operationId: 'getVideoBlocks',
  summary: 'List blocked videos (type 1: by a moderator, 2: auto-blocked, waiting for review)',
  tags: [ 'Video Blocks' ],
  auth: 'required',
  right: UserRight.MANAGE_VIDEO_BLACKLIST,
  query: listVideoBlocksQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await listBlockedVideos(query)
  res.json({ total, data: data.map(formatVideoBlock) })
})

videoBlocksRouter.post('/videos/:id/blacklist', {
  operationId: 'addVideoBlock',
  summary: 'Block a video, with an optional reason; `unfederate` deletes a local video from remote instances',
  tags: [ 'Video Blocks' ],
  auth: 'required',
  right: UserRight.MANAGE_VIDEO_BLACKLIST,
  params: videoIdParams,
  body: blockVideoBody,
  responses: { 204: 'Blocked', 400: 'Invalid field (unfederate on a remote video)', 403: 'Video of an administrator', 404: 'No such video', 409: 'Already blocked' }
}, async ({ user, params, body }, _req, res) => {
  await blockVideo({ video: await loadVideoOrFail(params.id), moderator: user, reason: body.reason, unfederate: body.unfederate })
  res.sendStatus(204)
})

videoBlocksRouter.put('/videos/:id/blacklist', {
  operationId: 'updateVideoBlock',
  summary: 'Change the reason of a video block',
  tags: [ 'Video Blocks' ],
  auth: 'required',
  right: UserRight.MANAGE_VIDEO_BLACKLIST,
  params: videoIdParams,
  body: updateVideoBlockBody,
  responses: { 204: 'Updated', 404: 'No such video, or not blocked' }
}, async ({ params, body }, _req, res) => {
  await updateVideoBlock(await loadVideoOrFail(params.id), body.reason)
  res.sendStatus(204)
})

videoBlocksRouter.delete('/videos/:id/blacklist', {
  operationId: 'delVideoBlock',
  summary: 'Unblock a video (or accept an auto-blocked one): an unfederated video goes to remote instances again',
  tags: [ 'Video Blocks' ],
  auth: 'required',
  right: UserRight.MANAGE_VIDEO_BLACKLIST,
  params: videoIdParams,
  responses: { 204: 'Unblocked', 404: 'No such video, or not blocked' }
}, async ({ user, params }, _req, res) => {
  await unblockVideo(await loadVideoOrFail(params.id), user)
  res.sendStatus(204)
})
