import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { canUpdateVideo } from '../../../lib/videos/video-access.js'
import { loadVideo } from '../../../lib/videos/video-loader.js'
import { describeVideoSource } from '../../../lib/videos/video-source.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videoSourceRouter = new ApiRouter('/api/v1')

videoSourceRouter.get('/videos/:id/source', {
  operationId: 'getVideoSource',
  summary: 'What was uploaded for a video (owner and moderators), and which renditions its transcoding still makes',
  tags: [ 'Video' ],
  auth: 'required',
  params: videoIdParams,
  responses: { 200: 'The source', 403: 'Not your video', 404: 'No such video, or no recorded source' }
}, async ({ params, user }, _req, res) => {
  const video = await loadVideo(params.id, 'summary')
  if (!video || video.remote) throw notFound('Video not found')
  if (!canUpdateVideo(video, user)) throw forbidden('Only the owner of this video can see its source', ProblemCode.NOT_ALLOWED)

  res.json(await describeVideoSource(video))
})
