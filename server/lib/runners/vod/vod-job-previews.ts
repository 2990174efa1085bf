import { THUMBNAIL_TYPE } from '../../../initializers/constants/videos.js'
import { ThumbnailModel } from '../../../models/video/thumbnail.js'
import { VideoModel } from '../../../models/video/video.js'

/**
 * The preview a runner downloads with an audio upload's job: `undefined` when the video is gone, null when it has
 * no preview of its own (the plain background is sent instead).
 */
export async function loadPreviewOfJobVideo (videoUuid: string) {
  const video = await VideoModel.findOne({ where: { uuid: videoUuid }, attributes: [ 'id' ] })
  if (!video) return undefined
  return ThumbnailModel.findOne({ where: { videoId: video.id, type: THUMBNAIL_TYPE.PREVIEW } })
}
