import { VideoFileModel } from '../../models/video/video-file.js'

// The files the download routes (/download/...) serve, by the resolution named in the download's file name.

/** A video's web video file of this resolution. */
export function findWebVideoDownload (videoId: number, resolution: number) {
  return VideoFileModel.findOne({ where: { videoId, resolution } })
}

/** A video's HLS (fragmented MP4) file of this resolution. */
export function findHlsDownload (videoId: number, resolution: number) {
  return VideoFileModel.findOne({
    where: { resolution },
    include: [ { association: 'VideoStreamingPlaylist', required: true, where: { videoId } } ]
  })
}
