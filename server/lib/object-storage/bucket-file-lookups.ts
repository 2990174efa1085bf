import { VideoFileStorage } from '../../../shared/models/videos.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { ThumbnailModel } from '../../models/video/thumbnail.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'

// Whether a file the static routes did not find on disk is in a bucket (its row says so), and for video files
// the video whose privacy picks the bucket's folder. Access was checked before.

const bucketStored = VideoFileStorage.OBJECT_STORAGE

/** The video (id and privacy) of a web video file stored in a bucket; null when no bucket holds this file. */
export async function videoOfBucketWebVideo (filename: string) {
  const file = await VideoFileModel.findOne({
    where: { filename, storage: bucketStored },
    include: [ { model: VideoModel, required: true, attributes: [ 'id', 'privacy' ] } ]
  }) as (VideoFileModel & { Video?: VideoModel }) | null
  return file?.Video ?? null
}

/** Our video (id and privacy) of this uuid when its HLS playlist is in a bucket; null otherwise. */
export async function videoOfBucketHls (uuid: string) {
  const video = await VideoModel.findOne({ where: { uuid, remote: false }, attributes: [ 'id', 'privacy' ] })
  const inBucket = video && await VideoStreamingPlaylistModel.count({ where: { videoId: video.id, storage: bucketStored } }) !== 0
  return video && inBucket ? video : null
}

export async function isBucketThumbnail (filename: string) {
  return await ThumbnailModel.findOne({ where: { filename, storage: bucketStored }, attributes: [ 'id' ] }) !== null
}

export async function isBucketTorrent (torrentFilename: string) {
  return await VideoFileModel.findOne({ where: { torrentFilename, storage: bucketStored }, attributes: [ 'id' ] }) !== null
}

export async function isBucketActorImage (filename: string) {
  return await ActorImageModel.findOne({ where: { filename, storage: bucketStored }, attributes: [ 'id' ] }) !== null
}
