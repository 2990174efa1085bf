import { VideoFileStorage, VideoPrivacy, type VideoPrivacyType } from '../../../shared/models/videos.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { DOWNLOAD_PATHS, LAZY_STATIC_PATHS, STATIC_PATHS, TRACKER_PATHS } from '../../initializers/constants/static-paths.js'
import { publicObjectUrl } from '../object-storage/object-addresses.js'

// The URLs a local video's files are served at. Below models, so that the formatters can build them; the shapes
// are structural (a video, file or playlist row fits them). lib/video-paths.ts re-exports them beside the paths.

interface VideoAddress { uuid: string, privacy: VideoPrivacyType, remote: boolean }
interface StoredFile { filename: string, storage: number, fileUrl: string | null }
interface TorrentFile { torrentFilename: string | null, torrentUrl: string | null }
interface DownloadableFile { resolution: number, extname: string, isHls (): boolean }
interface HlsPlaylist { playlistFilename: string, playlistUrl: string | null, segmentsSha256Filename: string, segmentsSha256Url: string | null, storage: number }

/** Files of private and internal videos live in private/ folders, served only to those allowed to see the video. */
export function isPrivateFolderVideo (video: Pick<VideoAddress, 'privacy'>) {
  return video.privacy === VideoPrivacy.PRIVATE || video.privacy === VideoPrivacy.INTERNAL
}

export function webVideoFileUrl (video: Pick<VideoAddress, 'privacy' | 'remote'>, file: StoredFile) {
  if (video.remote) return file.fileUrl ?? ''
  // Bucket-stored public files are served by the bucket (or its CDN); private ones always through our guard.
  if (file.storage === VideoFileStorage.OBJECT_STORAGE && !isPrivateFolderVideo(video)) return publicObjectUrl('web_videos', file.filename)
  const base = isPrivateFolderVideo(video) ? STATIC_PATHS.PRIVATE_WEB_VIDEOS : STATIC_PATHS.WEB_VIDEOS
  return WEBSERVER.URL + base + file.filename
}

/** `storage`: where the video's HLS playlist is (all its files are in one place). */
export function hlsFileUrl (video: VideoAddress, filename: string, remoteUrl: string | null, storage = 0) {
  if (video.remote) return remoteUrl ?? ''
  if (storage === VideoFileStorage.OBJECT_STORAGE && !isPrivateFolderVideo(video)) return publicObjectUrl('streaming_playlists', `${video.uuid}/${filename}`)
  const base = isPrivateFolderVideo(video) ? STATIC_PATHS.PRIVATE_HLS : STATIC_PATHS.HLS
  return `${WEBSERVER.URL}${base}${video.uuid}/${filename}`
}

export function hlsPlaylistUrls (video: VideoAddress, playlist: HlsPlaylist) {
  return {
    playlistUrl: hlsFileUrl(video, playlist.playlistFilename, playlist.playlistUrl, playlist.storage),
    segmentsSha256Url: hlsFileUrl(video, playlist.segmentsSha256Filename, playlist.segmentsSha256Url, playlist.storage)
  }
}

export function torrentUrls (video: Pick<VideoAddress, 'remote'>, file: TorrentFile) {
  if (!file.torrentFilename) return { torrentUrl: null, torrentDownloadUrl: null }
  if (video.remote) return { torrentUrl: file.torrentUrl, torrentDownloadUrl: null }
  return {
    torrentUrl: WEBSERVER.URL + LAZY_STATIC_PATHS.TORRENTS + file.torrentFilename,
    torrentDownloadUrl: WEBSERVER.URL + DOWNLOAD_PATHS.TORRENTS + file.torrentFilename
  }
}

export function fileDownloadUrl (video: Pick<VideoAddress, 'remote' | 'uuid'>, file: DownloadableFile) {
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
