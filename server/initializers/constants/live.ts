import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'

/** The RTMP application streamers push to: rtmp://host:1935/live/<stream key>, as with PeerTube. */
export const LIVE_RTMP_APP = 'live'

export interface LatencyProfile {
  keyframeIntervalSeconds: number
  segmentSeconds: number
  /** LL-HLS partial segments (hls.js plays them in its low-latency mode). */
  partSeconds?: number
  /** x264 without lookahead and B-frames. */
  lowDelay: boolean
  /** Segments in each media playlist. */
  windowSegments: number
  /** Whether players share segments (P2P needs a few segments of buffer to be worth it). */
  p2p: boolean
}

/**
 * What each latency mode means for the ladder and the players. Small latency trades P2P and compression for
 * delay (1 s segments, and parts of half a second with a 1.5 s hold-back for LL-HLS players); high latency
 * gives peers more time to share segments.
 */
export const LATENCY_PROFILES: Record<LiveVideoLatencyModeType, LatencyProfile> = {
  [LiveVideoLatencyMode.SMALL_LATENCY]: { keyframeIntervalSeconds: 1, segmentSeconds: 1, partSeconds: 0.5, lowDelay: true, windowSegments: 10, p2p: false },
  [LiveVideoLatencyMode.DEFAULT]: { keyframeIntervalSeconds: 2, segmentSeconds: 2, lowDelay: false, windowSegments: 8, p2p: true },
  [LiveVideoLatencyMode.HIGH_LATENCY]: { keyframeIntervalSeconds: 2, segmentSeconds: 4, lowDelay: false, windowSegments: 8, p2p: true }
}

export const LIVE = {
  /** How often a running session checks its limits (duration, quota) and that its video still exists. */
  WATCHDOG_INTERVAL_MS: 2_000,
  /** A publisher must send its first media within this long after publishing. */
  FIRST_MEDIA_TIMEOUT_MS: 20_000,
  /** Live files are removed this long after their session ended (players finishing the last segments). */
  FILES_REMOVAL_DELAY_MS: 30_000,
  /** A blocked playlist request (LL-HLS `_HLS_msn`) waits at most this many target durations. */
  BLOCKING_RELOAD_TARGETS: 3,
  /** A viewer counts for this long after its last view ping. */
  VIEWER_LIFETIME_MS: 30_000,
  /** How often viewer counts are computed, stored and federated. */
  VIEWERS_INTERVAL_MS: 5_000,
  /** A relay announces itself to the origin for this long, and again before it expires. */
  RELAY_LIFETIME_MS: 60_000
} as const
