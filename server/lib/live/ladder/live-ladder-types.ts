import type { X264Preset } from '../../../initializers/constants/transcoding.js'

/** One output of the live ladder: a resolution (0 = audio only), its frame rate and bitrate cap. */
export interface LiveRung {
  resolution: number
  fps: number
  /** VBV cap of the video in bits per second (0 for audio only). */
  maxBitrate: number
}

/**
 * Everything the live ladder needs: where to read the stream, what to make of it, where to write. No database,
 * no configuration read: the same settings run it here or on a remote runner.
 */
export interface LiveLadderSettings {
  /** RTMP URL the ladder plays the stream from (the ingest republishes it under an internal name). */
  inputUrl: string
  /** Video rungs, highest first, then optionally the audio-only rung (resolution 0). Empty video list = audio-only input. */
  rungs: LiveRung[]
  hasAudio: boolean
  /** The input is portrait (height > width): rungs are sized on their width. */
  portrait: boolean
  /** Copy the input's H.264/AAC instead of encoding one rung (live transcoding disabled). */
  copyInput: boolean
  keyframeIntervalSeconds: number
  /** Target segment duration (segments end on a keyframe). */
  segmentSeconds: number
  /** LL-HLS partial segments of this duration (small latency), or none. */
  partSeconds?: number
  /** x264 without lookahead or B-frames (small latency). */
  lowDelay: boolean
  preset: X264Preset
  threads: number
  /** Segments listed in each media playlist. */
  windowSegments: number
  outputDir: string
  /** File names start with this (unique per session, so files are immutable). */
  filePrefix: string
  masterPlaylistName: string
  segmentsSha256Name: string
  /** Segments of the highest rung are kept (not deleted when they leave the window): they make the replay. */
  keepTopRungSegments: boolean
  /** A folder of this instance's storage for the ladder's own small files (the ffmpeg filter script). */
  workDir: string
}

export interface LiveSegment {
  resolution: number
  name: string
  msn: number
  duration: number
  size: number
  sha256: string
  /** Epoch ms of the first frame, from the ingest clock. */
  programDateTime: number
}

export interface LiveLadderEvents {
  /** Every rung has its init segment and the master playlist is written. */
  onMasterPlaylist?: (masterPlaylist: string) => void
  onSegment?: (segment: LiveSegment) => void
  /** Any media playlist changed (a segment or a part was added): blocked playlist requests may be answered. */
  onPlaylistChange?: (resolution: number) => void
}

/** Epoch ms of the first frame the ladder received (time 0 of its outputs), when known. */
export type IngestClock = () => number | undefined
