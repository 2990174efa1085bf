import type { X264Preset } from '../../initializers/constants/transcoding.js'

/** One output of the ladder. */
export interface Rung {
  /** PeerTube's resolution: the shorter side of the output picture (720 = 1280x720, or 720x1280 in portrait). */
  resolution: number
  fps: number
  /** VBV cap in bits per second. */
  maxBitrate: number
}

/** What the instance configuration decides, passed in by the caller (no config is read here). */
export interface EncoderSettings {
  /** x264/ffmpeg threads; 0 or undefined lets ffmpeg pick. */
  threads?: number
  preset?: X264Preset
  /** Encoder profile name (see encoder-profiles.ts); 'default' when absent. */
  profile?: string
}

/** A finished output file, with what the database and the ActivityPub `url[]` need about it. */
export interface RenditionFile {
  path: string
  resolution: number
  width: number
  height: number
  fps: number
  size: number
  hasAudio: boolean
  hasVideo: boolean
}
