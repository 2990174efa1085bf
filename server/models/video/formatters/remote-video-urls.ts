import { DOWNLOAD_PATHS } from '../../../initializers/constants/static-paths.js'
import type { VideoFileModel } from '../video-file.js'
import type { VideoModel } from '../video.js'

// URLs of remote videos that PeerTube clients expect, read from what the origin announced or derived from
// its paths (origins are PeerTube-compatible: same download routes).

/** The origin's trackers, WebSocket first (what browsers use), as PeerTube lists them. */
export function remoteTrackerUrls (video: Pick<VideoModel, 'Trackers'>) {
  const urls = (video.Trackers ?? []).map(t => t.url)
  const rank = (url: string) => (url.startsWith('ws') ? 0 : 1)
  return urls.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

function originOf (video: Pick<VideoModel, 'url'>) {
  try {
    return new URL(video.url).origin
  } catch {
    return undefined
  }
}

/** Where the origin offers the file for download (PeerTube's /download/ routes, named after the video). */
export function remoteFileDownloadUrl (video: Pick<VideoModel, 'url' | 'uuid'>, file: VideoFileModel) {
  const origin = originOf(video)
  if (!origin) return null
  return file.isHls()
    ? `${origin}${DOWNLOAD_PATHS.HLS_VIDEOS}${video.uuid}-${file.resolution}-fragmented${file.extname}`
    : `${origin}${DOWNLOAD_PATHS.WEB_VIDEOS}${video.uuid}-${file.resolution}${file.extname}`
}
