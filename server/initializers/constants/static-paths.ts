/** URL paths of served files. PeerTube's, so remote instances and players build the same URLs. */
export const STATIC_PATHS = {
  WEB_VIDEOS: '/static/web-videos/',
  PRIVATE_WEB_VIDEOS: '/static/web-videos/private/',
  HLS: '/static/streaming-playlists/hls/',
  PRIVATE_HLS: '/static/streaming-playlists/hls/private/'
} as const

export const LAZY_STATIC_PATHS = {
  THUMBNAILS: '/lazy-static/thumbnails/',
  PREVIEWS: '/lazy-static/previews/',
  TORRENTS: '/lazy-static/torrents/',
  AVATARS: '/lazy-static/avatars/',
  BANNERS: '/lazy-static/banners/',
  VIDEO_CAPTIONS: '/lazy-static/video-captions/',
  STORYBOARDS: '/lazy-static/storyboards/'
} as const

export const DOWNLOAD_PATHS = {
  TORRENTS: '/download/torrents/',
  WEB_VIDEOS: '/download/web-videos/',
  HLS_VIDEOS: '/download/streaming-playlists/hls/videos/'
} as const

export const TRACKER_PATHS = {
  HTTP_ANNOUNCE: '/tracker/announce',
  HTTP_SCRAPE: '/tracker/scrape',
  WEBSOCKET: '/tracker/socket'
} as const

/** socket.io, where PeerTube's runner listens for "available-jobs" (namespace /runners). */
export const RUNNERS_SOCKET = {
  PATH: '/socket.io',
  NAMESPACE: '/runners'
} as const

/** Immutable files (every file name is a fresh UUID) may be cached for long. */
export const STATIC_MAX_AGE = {
  IMMUTABLE: '365d',
  SERVER: '2h'
} as const
