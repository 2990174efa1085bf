import { join } from 'node:path'
import { fromRoot } from '../helpers/project-root.js'
import { CONFIG } from '../initializers/config/index.js'
import type { VideoFileModel } from '../models/video/video-file.js'
import type { VideoModel } from '../models/video/video.js'
import { isPrivateFolderVideo } from '../helpers/urls/video-urls.js'

// Where a local video's files are on disk and at which URLs they are served. Files of private and internal videos
// live in private/ folders, which the static routes serve only to those allowed to see the video. The URLs are
// built below models (the formatters need them) and re-exported here beside the paths.
export {
  fileDownloadUrl, hlsFileUrl, hlsPlaylistUrls, isPrivateFolderVideo, localVideoUrl, torrentUrls, trackerUrls, webVideoFileUrl
} from '../helpers/urls/video-urls.js'

export function webVideosDir (isPrivate: boolean) {
  const base = fromRoot(CONFIG.storage.web_videos)
  return isPrivate ? join(base, 'private') : base
}

/** The folder holding one folder per video's HLS files (public ones, or private ones). */
export function hlsRootDir (isPrivate: boolean) {
  const base = join(fromRoot(CONFIG.storage.streaming_playlists), 'hls')
  return isPrivate ? join(base, 'private') : base
}

export function hlsDir (video: Pick<VideoModel, 'uuid' | 'privacy'>, isPrivate = isPrivateFolderVideo(video)) {
  return join(hlsRootDir(isPrivate), video.uuid)
}

export function webVideoFilePath (video: Pick<VideoModel, 'privacy'>, file: Pick<VideoFileModel, 'filename'>) {
  return webVideoFilePathIn(isPrivateFolderVideo(video), file)
}

/** The path of a web video in the public or the private folder, whatever its video's privacy says. */
export function webVideoFilePathIn (isPrivate: boolean, file: Pick<VideoFileModel, 'filename'>) {
  return join(webVideosDir(isPrivate), file.filename)
}

export function hlsFilePath (video: Pick<VideoModel, 'uuid' | 'privacy'>, filename: string) {
  return join(hlsDir(video), filename)
}

export function torrentsDir () {
  return fromRoot(CONFIG.storage.torrents)
}

export function thumbnailsDir (type: 'miniature' | 'preview') {
  return fromRoot(type === 'miniature' ? CONFIG.storage.thumbnails : CONFIG.storage.previews)
}

export function uploadsTmpDir () {
  return join(fromRoot(CONFIG.storage.tmp), 'uploads')
}

/** Where a video's transcoding writes its outputs before they are stored. */
export function transcodingWorkDir (uuid: string) {
  return join(transcodingRootDir(), uuid)
}

export function transcodingRootDir () {
  return join(fromRoot(CONFIG.storage.tmp), 'transcoding')
}

/** The source file of a local video, kept until its whole ladder exists (a restart resumes from it). */
export function inputFilesDir () {
  return join(fromRoot(CONFIG.storage.tmp), 'inputs')
}

/**
 * Markers of files leaving the public folders (a video made private, its move not done yet): the shipped nginx
 * configuration serves no marked file from disk (support/nginx/tubeless-static.conf). In the private folders,
 * which nothing serves from disk.
 */
export function leavingMarkerPaths (video: Pick<VideoModel, 'uuid'>, webVideoFilenames: string[]) {
  const hlsBase = join(fromRoot(CONFIG.storage.streaming_playlists), 'hls', 'private', '.leaving')
  return {
    webVideos: webVideoFilenames.map(filename => join(webVideosDir(true), '.leaving', filename)),
    hls: join(hlsBase, video.uuid)
  }
}
