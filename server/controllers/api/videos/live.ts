import { UserRight } from '../../../../shared/models/users.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { describeLive, describeLiveSession } from '../../../lib/live/describe-live.js'
import { createLive, updateLive } from '../../../lib/live/manage-lives.js'
import { listSessionsOfLive, loadLiveOfVideo, loadSessionOfReplay } from '../../../lib/live/live-finders.js'
import { describeLiveTraffic } from '../../../lib/live/live-traffic.js'
import { isVideoOwner } from '../../../lib/videos/video-access.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { liveCreateBody, liveUpdateBody } from '../../../middlewares/validation/lives.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { uploadedFile, videoImagesMultipart } from '../../../middlewares/video-upload.js'
import type { VideoModel } from '../../../models/video/video.js'
import { ApiRouter } from '../../shared/api-router.js'

export const liveRouter = new ApiRouter('/api/v1')

function canManageLive (video: VideoModel, user: AuthenticatedUser | undefined) {
  return isVideoOwner(video, user) || !!user?.hasRight(UserRight.SEE_ALL_VIDEOS)
}

/** `remote`: a remote live's settings may be read (its players need its latency mode), never changed here. */
async function loadLive (id: string, user: AuthenticatedUser | undefined, options: { remote?: boolean } = {}) {
  const video = await loadVisibleVideo(id, user, 'details')
  const live = await loadLiveOfVideo(video.id)
  if (!live || (video.remote && !options.remote)) throw notFound('Live video not found')
  return { video, live }
}

liveRouter.post('/videos/live', {
  operationId: 'addLive',
  summary: 'Create a live (it waits for its stream on the RTMP URL with its stream key)',
  tags: [ 'Live Videos', 'Video' ],
  auth: 'required',
  before: videoImagesMultipart(),
  body: liveCreateBody,
  bodyContentType: 'multipart/form-data',
  responses: { 200: 'The live was created', 400: 'Invalid parameters', 403: 'Live or replay disabled, a live limit reached, or not your channel' }
}, async ({ body, user }, req, res) => {
  const video = await createLive({
    user,
    fields: body,
    thumbnailUpload: uploadedFile(req, 'thumbnailfile')?.path,
    previewUpload: uploadedFile(req, 'previewfile')?.path
  })
  res.json({ video: { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid) } })
})

liveRouter.get('/videos/live/:id', {
  operationId: 'getLiveId',
  summary: 'Get a live\'s settings (its RTMP URLs and stream key for its owner)',
  tags: [ 'Live Videos' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const { video, live } = await loadLive(params.id, user, { remote: true })
  res.json(describeLive(live, !video.remote && canManageLive(video, user)))
})

liveRouter.put('/videos/live/:id', {
  operationId: 'updateLiveId',
  summary: 'Update a live\'s settings (before it starts)',
  tags: [ 'Live Videos' ],
  auth: 'required',
  params: videoIdParams,
  body: liveUpdateBody,
  responses: { 204: 'Updated', 400: 'Invalid parameters, or the live has started', 403: 'Not yours, or not allowed by the instance' }
}, async ({ params, body, user }, _req, res) => {
  const { video, live } = await loadLive(params.id, user)
  if (!isVideoOwner(video, user) && !user.hasRight(UserRight.UPDATE_ANY_VIDEO)) throw forbidden('You cannot update this live', ProblemCode.NOT_ALLOWED)
  await updateLive(video, live, body)
  res.sendStatus(204)
})

liveRouter.get('/videos/live/:id/sessions', {
  operationId: 'getApiV1VideosLiveIdSessions',
  summary: 'List the sessions of a live',
  tags: [ 'Live Videos' ],
  auth: 'required',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const { video } = await loadLive(params.id, user)
  if (!canManageLive(video, user)) throw forbidden('You cannot see the sessions of this live', ProblemCode.NOT_ALLOWED)
  const sessions = await listSessionsOfLive(video.id)
  res.json({ total: sessions.length, data: sessions.map(describeLiveSession) })
})

liveRouter.get('/videos/live/:id/traffic', {
  operationId: 'getLiveTraffic',
  summary: 'What this origin served of a live (bytes, requests) and the instances relaying it (Tubeless addition)',
  tags: [ 'Live Videos' ],
  auth: 'required',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVideo(params.id, 'summary')
  if (!video || video.remote || !video.isLive) throw notFound('Live video not found')
  if (!canManageLive(video, user)) throw forbidden('You cannot see the traffic of this live', ProblemCode.NOT_ALLOWED)
  res.json(await describeLiveTraffic(video))
})

liveRouter.get('/videos/:id/live-session', {
  operationId: 'getApiV1VideosIdLiveSession',
  summary: 'Get the live session a replay comes from',
  tags: [ 'Live Videos' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  const session = await loadSessionOfReplay(video.id)
  if (!session) throw notFound('No live replay found')
  res.json(describeLiveSession(session))
})
