import { probeFileMetadata } from '../../../helpers/ffmpeg/ffprobe-metadata.js'
import { logger } from '../../../helpers/logger.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { hlsFilePath, webVideoFilePath } from '../../../lib/video-paths.js'
import { loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { positiveIntId } from '../../../middlewares/validation/fields.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import type { VideoModel } from '../../../models/video/video.js'
import { ApiRouter } from '../../shared/api-router.js'

// The `metadataUrl` of each local file (video-file-formatter.ts): ffprobe's description of the file, as PeerTube
// serves it. Probed on request rather than stored: it reads only the container's headers.

export const videoFileMetadataRouter = new ApiRouter('/api/v1')

videoFileMetadataRouter.get('/videos/:id/metadata/:videoFileId', {
  operationId: 'getVideoFileMetadata',
  summary: 'Get the ffprobe metadata of one of a video\'s files',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams.extend({ videoFileId: positiveIntId }),
  responses: { 200: 'ffprobe output (streams, format, chapters)', 401: 'Log in to see this video', 403: 'Not allowed to see this video', 404: 'No such video or file' }
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'details')
  const path = localFilePath(video, params.videoFileId)
  if (!path) throw notFound('Video file not found')

  try {
    res.json(await probeFileMetadata(path))
  } catch (err) {
    logger.warn('Cannot read the metadata of a video file', { err, videoUuid: video.uuid, videoFileId: params.videoFileId })
    throw notFound('Video file not found')
  }
})

/** Where the file with this id is on disk, if it is one of this local video's files. */
function localFilePath (video: VideoModel, fileId: number) {
  if (video.remote) return undefined

  const webFile = video.VideoFiles?.find(f => f.id === fileId)
  if (webFile) return webVideoFilePath(video, webFile)

  const hlsFile = video.VideoStreamingPlaylists?.flatMap(p => p.VideoFiles ?? []).find(f => f.id === fileId)
  return hlsFile ? hlsFilePath(video, hlsFile.filename) : undefined
}
