import { z } from 'zod'
import { VIDEO_LANGUAGES } from '../../../initializers/constants/videos.js'
import { listCaptionsOfVideo } from '../../../lib/captions/caption-list.js'
import { deleteCaption, replaceCaption } from '../../../lib/captions/manage-captions.js'
import { forbidden, invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { canUpdateVideo } from '../../../lib/videos/video-access.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { captionMultipart, uploadedFile } from '../../../middlewares/video-upload.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { formatVideoCaption } from '../../../models/video/formatters/video-caption-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** A video's captions, one WebVTT file per language (PeerTube's routes). */
export const videoCaptionsRouter = new ApiRouter('/api/v1')

const captionParams = videoIdParams.extend({
  captionLanguage: z.string().refine(v => Object.hasOwn(VIDEO_LANGUAGES, v), 'Should have a valid caption language')
})

async function loadEditableVideo (id: string, user: AuthenticatedUser) {
  const video = await loadVideo(id, 'summary')
  if (!video) throw notFound('Video not found')
  if (!canUpdateVideo(video, user)) throw forbidden('You cannot change the captions of this video', ProblemCode.NOT_ALLOWED)
  return video
}

videoCaptionsRouter.get('/videos/:id/captions', {
  operationId: 'getVideoCaptions',
  summary: 'List the captions of a video',
  tags: [ 'Video Captions' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  const captions = await listCaptionsOfVideo(video.id)
  res.json({ total: captions.length, data: captions.map(formatVideoCaption) })
})

videoCaptionsRouter.put('/videos/:id/captions/:captionLanguage', {
  operationId: 'addVideoCaption',
  summary: 'Add or replace the caption of a language (a .vtt or .srt file, stored as WebVTT)',
  tags: [ 'Video Captions' ],
  auth: 'required',
  params: captionParams,
  before: captionMultipart(),
  bodyContentType: 'multipart/form-data',
  responses: { 204: 'Stored', 400: 'Not a subtitle file, or an unknown language', 403: 'Not yours', 404: 'No such video' }
}, async ({ params, user }, req, res) => {
  const video = await loadEditableVideo(params.id, user)
  const file = uploadedFile(req, 'captionfile')
  if (!file) throw invalidField('files', 'captionfile', 'Should have a caption file')
  await replaceCaption(video, params.captionLanguage, file.path)
  res.sendStatus(204)
})

videoCaptionsRouter.delete('/videos/:id/captions/:captionLanguage', {
  operationId: 'delVideoCaption',
  summary: 'Delete the caption of a language',
  tags: [ 'Video Captions' ],
  auth: 'required',
  params: captionParams,
  responses: { 204: 'Deleted', 403: 'Not yours', 404: 'No such video or caption' }
}, async ({ params, user }, _req, res) => {
  const video = await loadEditableVideo(params.id, user)
  await deleteCaption(video, params.captionLanguage)
  res.sendStatus(204)
})
