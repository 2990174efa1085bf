import type { VideoPrivacyType } from './videos.js'

/** PeerTube's numeric enums of live videos, which clients and remote instances compare against. */
export const LiveVideoLatencyMode = {
  DEFAULT: 1,
  HIGH_LATENCY: 2,
  SMALL_LATENCY: 3
} as const
export type LiveVideoLatencyModeType = typeof LiveVideoLatencyMode[keyof typeof LiveVideoLatencyMode]

export const LiveVideoError = {
  BAD_SOCKET_HEALTH: 1,
  DURATION_EXCEEDED: 2,
  QUOTA_EXCEEDED: 3,
  FFMPEG_ERROR: 4,
  BLACKLISTED: 5,
  RUNNER_JOB_ERROR: 6,
  RUNNER_JOB_CANCEL: 7,
  UNKNOWN_ERROR: 8,
  INVALID_INPUT_VIDEO_STREAM: 9
} as const
export type LiveVideoErrorType = typeof LiveVideoError[keyof typeof LiveVideoError]

/** GET /api/v1/videos/live/{id} (the RTMP URLs and key only for its owner and moderators). */
export interface LiveVideo {
  rtmpUrl?: string
  rtmpsUrl?: string
  streamKey?: string
  saveReplay: boolean
  replaySettings?: { privacy: VideoPrivacyType }
  permanentLive: boolean
  latencyMode: LiveVideoLatencyModeType
}

export interface LiveVideoSession {
  id: number
  startDate: string
  endDate: string | null
  error: LiveVideoErrorType | null
  saveReplay: boolean
  endingProcessed: boolean
  replaySettings?: { privacy: VideoPrivacyType }
  replayVideo: { id: number; uuid: string; shortUUID: string } | null
}

/** Our addition (GET /api/v1/videos/live/{id}/traffic): what the origin served of a live, and its relays. */
export interface LiveTraffic {
  bytesSent: number
  requests: number
  relays: { host: string; playlistUrl: string; expiresAt: string }[]
}
