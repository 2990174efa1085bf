/** Behaviour constants of video federation (what we accept from remote instances and how often we refresh it). */

export const REMOTE_VIDEOS = {
  /** A remote video stored longer ago than this is fetched again (in the background) when next seen. */
  REFRESH_AFTER_MS: 24 * 60 * 60 * 1000,
  MAX_NAME_LENGTH: 120,
  MAX_DESCRIPTION_LENGTH: 10_000,
  MAX_SUPPORT_LENGTH: 1000,
  MAX_TAGS: 5,
  MAX_TAG_LENGTH: 30,
  /** Files per format (web videos, HLS renditions): a ladder is a handful; more is abuse. */
  MAX_FILES: 20,
  MAX_TRACKERS: 5
} as const

export const REMOTE_IMAGES = {
  /** Thumbnails and previews of remote videos are fetched on first request, up to this size. */
  MAX_BYTES: 5 * 1024 * 1024,
  MEDIA_TYPES: {
    'image/jpeg': '.jpg',
    'image/jpg': '.jpg',
    'image/png': '.png',
    'image/webp': '.webp',
    'image/gif': '.gif'
  } as Record<string, string>
} as const

/** Media types of video file Links (PeerTube's AP_VIDEO), with the extension the file is stored under. */
export const AP_VIDEO_FILE_MEDIA_TYPES: Record<string, string> = {
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/ogg': '.ogv',
  'audio/mp4': '.mp4'
}

export const AP_LINK_MEDIA_TYPES = {
  HTML: 'text/html',
  TORRENT: 'application/x-bittorrent',
  MAGNET: 'application/x-bittorrent;x-scheme-handler/magnet',
  HLS: 'application/x-mpegURL',
  JSON: 'application/json'
} as const
