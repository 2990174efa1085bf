import { z } from 'zod'
import { publicListScope } from '../../../lib/activitypub/trust/content-policy.js'
import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { canRemoveVideo, canUpdateVideo } from '../../../lib/videos/video-access.js'
import { deleteVideo } from '../../../lib/videos/delete-video.js'
import { buildVideoListFilters } from '../../../lib/videos/list-filters.js'
import { updateVideo } from '../../../lib/videos/update-video.js'
import { scheduledUpdateOf } from '../../../lib/videos/scheduled-updates.js'
import { createVideoFileToken } from '../../../lib/videos/video-file-token.js'
import { recordWatching } from '../../../lib/videos/video-watching.js'
import { withUserHistory } from '../../../lib/history/watch-history.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { uploadedFile, videoImagesMultipart } from '../../../middlewares/video-upload.js'
import { videoIdParams, videosListQuery, videoUpdateBody } from '../../../middlewares/validation/videos.js'
import { formatVideoDetails } from '../../../models/video/formatters/video-formatter.js'
import { liveRedundancies } from '../../../lib/live/relay/relay-urls.js'
import { isReplayInPreparation } from '../../../lib/live/replay-preparation.js'
import { listVideosShared, sendVideoList } from '../../../lib/videos/shared-video-list.js'
import { VIDEO_LIST_TOTAL_DESCRIPTION } from '../../../initializers/constants/video-list.js'
import { scheduleRemoteVideoRefreshIfStale } from '../../../lib/activitypub/videos/get-remote-video.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videosRouter = new ApiRouter('/api/v1')

videosRouter.get('/videos', {
  operationId: 'getVideos',
  summary: 'List videos',
  description: VIDEO_LIST_TOTAL_DESCRIPTION,
  tags: [ 'Video' ],
  auth: 'optional',
  query: videosListQuery
}, async ({ query, user }, req, res) => {
  const result = await listVideosShared({ ...buildVideoListFilters(query, user), ...await publicListScope() })
  await sendVideoList(req, res, result)
})

videosRouter.get('/videos/:id', {
  operationId: 'getVideo',
  summary: 'Get a video (id, UUID or short UUID)',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams,
  responses: { 200: 'The video', 404: 'No such video, or not visible to you' }
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'details')
  // A remote copy watched after a day is read again from its origin (its counts, its comments), as PeerTube does.
  scheduleRemoteVideoRefreshIfStale(video)
  // A planned publication is the owner's business only.
  const scheduledUpdate = user && canUpdateVideo(video, user) ? await scheduledUpdateOf(video.id) : null
  const [ details ] = await withUserHistory(user, [ formatVideoDetails(video, liveRedundancies(video)) ])
  const replayInPreparation = await isReplayInPreparation(video)
  res.json({ ...details, ...(scheduledUpdate ? { scheduledUpdate } : {}), ...(replayInPreparation ? { replayInPreparation } : {}) })
})

videosRouter.get('/videos/:id/description', {
  operationId: 'getVideoDesc',
  summary: 'Get the full description of a video',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  res.json({ description: video.description })
})

videosRouter.put('/videos/:id', {
  operationId: 'putVideo',
  summary: 'Update a video\'s metadata, images or privacy',
  tags: [ 'Video' ],
  auth: 'required',
  params: videoIdParams,
  before: videoImagesMultipart(),
  body: videoUpdateBody,
  bodyContentType: 'multipart/form-data',
  responses: { 204: 'Updated', 403: 'Not yours', 404: 'No such video' }
}, async ({ params, body, user }, req, res) => {
  const video = await loadVideo(params.id, 'details')
  if (!video) throw notFound('Video not found')
  if (!canUpdateVideo(video, user)) throw forbidden('You cannot update this video', ProblemCode.NOT_ALLOWED)

  await updateVideo(video, user, body, {
    thumbnail: uploadedFile(req, 'thumbnailfile')?.path,
    preview: uploadedFile(req, 'previewfile')?.path
  })
  res.sendStatus(204)
})

videosRouter.delete('/videos/:id', {
  operationId: 'delVideo',
  summary: 'Delete a video and all its files',
  tags: [ 'Video' ],
  auth: 'required',
  params: videoIdParams,
  responses: { 204: 'Deleted', 403: 'Not yours', 404: 'No such video' }
}, async ({ params, user }, _req, res) => {
  const video = await loadVideo(params.id, 'details')
  if (!video) throw notFound('Video not found')
  if (!canRemoveVideo(video, user)) throw forbidden('You cannot delete this video', ProblemCode.NOT_ALLOWED)

  await deleteVideo(video)
  res.sendStatus(204)
})

videosRouter.post('/videos/:id/views', {
  operationId: 'addView',
  summary: 'Count a view (once per viewer and video per hour)',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams,
  body: z.object({ currentTime: z.coerce.number().min(0).optional() }).optional()
}, async ({ params, body, user }, req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  await recordWatching(video, user, req.ip ?? 'unknown', body?.currentTime)
  res.sendStatus(204)
})

videosRouter.post('/videos/:id/token', {
  operationId: 'requestVideoToken',
  summary: 'Get a short-lived token for the files of a video you may see (for players, which cannot send headers)',
  tags: [ 'Video' ],
  auth: 'required',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  res.json({ files: await createVideoFileToken(user.id, video.uuid) })
})
