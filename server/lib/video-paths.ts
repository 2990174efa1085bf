import { join } from 'node:path'
import { VideoFileStorage, VideoPrivacy } from '../../shared/models/videos.js'
import { fromRoot } from '../helpers/project-root.js'
import { CONFIG, WEBSERVER } from '../initializers/config/index.js'
import { DOWNLOAD_PATHS, LAZY_STATIC_PATHS, STATIC_PATHS, TRACKER_PATHS } from '../initializers/constants/static-paths.js'
import type { VideoFileModel } from '../models/video/video-file.js'
import type { VideoStreamingPlaylistModel } from '../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../models/video/video.js'
import { publicObjectUrl } from './object-storage/object-storage-urls.js'

// Where a local video's files are on disk and at which URLs they are served. Files of private and internal videos
// live in private/ folders, which the static routes serve only to those allowed to see the video.

export function isPrivateFolderVideo (video: Pick<VideoModel, 'privacy'>) {
  return video.privacy === VideoPrivacy.PRIVATE || video.privacy === VideoPrivacy.INTERNAL
}

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

// --- URLs ------------------------------------------------------------------------------------------------

export function webVideoFileUrl (video: Pick<VideoModel, 'privacy' | 'remote'>, file: Pick<VideoFileModel, 'filename' | 'storage' | 'fileUrl'>) {
  if (video.remote) return file.fileUrl ?? ''
  // Bucket-stored public files are served by the bucket (or its CDN); private ones always through our guard.
  if (file.storage === VideoFileStorage.OBJECT_STORAGE && !isPrivateFolderVideo(video)) return publicObjectUrl('web_videos', file.filename)
  const base = isPrivateFolderVideo(video) ? STATIC_PATHS.PRIVATE_WEB_VIDEOS : STATIC_PATHS.WEB_VIDEOS
  return WEBSERVER.URL + base + file.filename
}

/** `storage`: where the video's HLS playlist is (all its files are in one place). */
export function hlsFileUrl (video: Pick<VideoModel, 'privacy' | 'remote' | 'uuid'>, filename: string, remoteUrl: string | null, storage = 0) {
  if (video.remote) return remoteUrl ?? ''
  if (storage === VideoFileStorage.OBJECT_STORAGE && !isPrivateFolderVideo(video)) return publicObjectUrl('streaming_playlists', `${video.uuid}/${filename}`)
  const base = isPrivateFolderVideo(video) ? STATIC_PATHS.PRIVATE_HLS : STATIC_PATHS.HLS
  return `${WEBSERVER.URL}${base}${video.uuid}/${filename}`
}

export function hlsPlaylistUrls (video: Pick<VideoModel, 'privacy' | 'remote' | 'uuid'>, playlist: VideoStreamingPlaylistModel) {
  return {
    playlistUrl: hlsFileUrl(video, playlist.playlistFilename, playlist.playlistUrl, playlist.storage),
    segmentsSha256Url: hlsFileUrl(video, playlist.segmentsSha256Filename, playlist.segmentsSha256Url, playlist.storage)
  }
}

export function torrentUrls (video: Pick<VideoModel, 'remote'>, file: VideoFileModel) {
  if (!file.torrentFilename) return { torrentUrl: null, torrentDownloadUrl: null }
  if (video.remote) return { torrentUrl: file.torrentUrl, torrentDownloadUrl: null }
  return {
    torrentUrl: WEBSERVER.URL + LAZY_STATIC_PATHS.TORRENTS + file.torrentFilename,
    torrentDownloadUrl: WEBSERVER.URL + DOWNLOAD_PATHS.TORRENTS + file.torrentFilename
  }
}

export function fileDownloadUrl (video: Pick<VideoModel, 'remote' | 'uuid'>, file: VideoFileModel) {
  if (video.remote) return null
  return file.isHls()
    ? `${WEBSERVER.URL}${DOWNLOAD_PATHS.HLS_VIDEOS}${video.uuid}-${file.resolution}-fragmented${file.extname}`
    : `${WEBSERVER.URL}${DOWNLOAD_PATHS.WEB_VIDEOS}${video.uuid}-${file.resolution}${file.extname}`
}

export function trackerUrls () {
  return [ WEBSERVER.URL + TRACKER_PATHS.HTTP_ANNOUNCE, `${WEBSERVER.WS}://${WEBSERVER.HOST}${TRACKER_PATHS.WEBSOCKET}` ]
}

export function localVideoUrl (uuid: string) {
  return `${WEBSERVER.URL}/videos/watch/${uuid}`
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
