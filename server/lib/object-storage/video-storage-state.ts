import { VideoFileStorage } from '../../../shared/models/videos.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'

/** Whether any media file or playlist of the video is stored in a bucket. */
export async function hasFilesInObjectStorage (videoId: number) {
  const inBucket = VideoFileStorage.OBJECT_STORAGE
  if (await VideoFileModel.count({ where: { videoId, storage: inBucket } }) !== 0) return true
  return await VideoStreamingPlaylistModel.count({ where: { videoId, storage: inBucket } }) !== 0
}
