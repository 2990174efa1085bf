// POST /api/v1/metrics/playback (PeerTube 6.3's PlaybackMetricCreate): what a player reports every
// `openTelemetry.metrics.playbackStatsInterval` of the server config. Counts are since the previous report.

export const PLAYER_MODES = [ 'p2p-media-loader', 'web-video' ] as const
export type PlayerMode = typeof PLAYER_MODES[number]

export interface PlaybackMetricCreate {
  playerMode: PlayerMode
  /** Resolution (height) being played. */
  resolution?: number
  fps?: number
  p2pEnabled: boolean
  /** Peers connected (web seeds not included). */
  p2pPeers?: number
  resolutionChanges: number
  bufferStalled?: number
  errors: number
  downloadedBytesP2P: number
  downloadedBytesHTTP: number
  uploadedBytesP2P: number
  /** Id, UUID or short UUID. */
  videoId: number | string
}
