// Numbers that shape the transcoding ladder and its outputs. The names of resolutions, the HLS layout and the image
// sizes follow PeerTube 6.3 (remote instances and apps expect them); the bitrate caps and speed choices are ours.

/** Resolutions (the shorter side of the picture, as PeerTube counts them) an instance may enable. */
export const STANDARD_RESOLUTIONS = [ 144, 240, 360, 480, 720, 1080, 1440, 2160 ] as const

export const FRAME_RATE = {
  /** Used when the source does not tell its frame rate. */
  DEFAULT: 30,
  /** No rung ever goes above this (a 120 fps source becomes 60). */
  MAX: 60,
  /** Rungs below KEEP_SOURCE_FPS_MIN_RESOLUTION are capped here: high frame rates cost bits small screens do not show. */
  LOW_RESOLUTION_MAX: 30,
  KEEP_SOURCE_FPS_MIN_RESOLUTION: 720,
  /** Halving a 48-60 fps source keeps its cadence; below this floor we would rather drop frames unevenly to 30. */
  HALVING_FLOOR: 24,
  MIN: 1
} as const

/**
 * Highest H.264 bitrate (bits per second) a rung may use at up to 30 fps. Encodes use CRF with this as the VBV
 * cap, so most outputs land well below it. A source within the cap (and otherwise web-ready) is copied, not encoded.
 */
export const MAX_VIDEO_BITRATE_AT_30_FPS: Readonly<Record<number, number>> = {
  144: 200_000,
  240: 450_000,
  360: 900_000,
  480: 1_500_000,
  720: 3_000_000,
  1080: 6_000_000,
  1440: 10_000_000,
  2160: 20_000_000
}

/** Rungs above 30 fps get this much more room (motion at 60 fps costs roughly half again, not double). */
export const HIGH_FRAME_RATE_BITRATE_FACTOR = 1.5

/** VBV buffer = this many seconds of the max bitrate: allows short peaks while keeping segments even in size. */
export const VBV_BUFFER_SECONDS = 2

export const X264 = {
  DEFAULT_PRESET: 'veryfast',
  CRF: 23,
  PROFILE: 'high'
} as const

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow'

export const AUDIO = {
  /** AAC bitrate when the source audio has to be encoded (bits per second). */
  AAC_BITRATE: 128_000,
  /** An AAC source up to this bitrate is copied as is instead of being encoded again. */
  MAX_COPY_BITRATE: 320_000,
  /** Surround sources are folded to stereo: the web players we serve play stereo. */
  MAX_CHANNELS: 2
} as const

/** Every encode gets a keyframe exactly this often, so HLS segments can be cut later by a codec-copy remux. */
export const KEYFRAME_INTERVAL_SECONDS = 2

export const HLS = {
  /** PeerTube serves 4 s segments; p2p-media-loader peers exchange whole segments. */
  SEGMENT_DURATION_SECONDS: 4,
  /** Master playlist version PeerTube writes. */
  MASTER_PLAYLIST_VERSION: 3
} as const

/**
 * A source that needs encoding first gets one rung alone, so it becomes playable early: the highest rung at or
 * below this resolution. Measured on 2 cores with a 60 s 1080p source: 360p alone costs 14 CPU-s, 480p 18 CPU-s
 * (decoding the source is most of it), so 360p is playable ~20% sooner.
 */
export const FAST_FIRST_RUNG_MAX_RESOLUTION = 360

/**
 * An audio-only upload becomes a video (PeerTube publishes audio as a video file) showing a still image or a plain
 * background. 480p at 25 fps matches what PeerTube produces; a still picture costs x264 almost nothing.
 */
export const AUDIO_ONLY_VIDEO = {
  RESOLUTION: 480,
  FPS: 25,
  BACKGROUND_COLOR: '0x202020'
} as const

/** PeerTube's image sizes: remote instances and apps lay out their pages around them. */
export const THUMBNAIL_SIZE = { width: 280, height: 157 } as const
export const PREVIEW_SIZE = { width: 850, height: 480 } as const
export const IMAGE_JPEG_QUALITY = 85

export const TORRENT = {
  CREATED_BY: 'Tubeless',
  /** Piece length bounds: small files still get enough pieces to share, big ones keep the .torrent small. */
  MIN_PIECE_LENGTH: 16 * 1024,
  MAX_PIECE_LENGTH: 4 * 1024 * 1024,
  TARGET_PIECE_COUNT: 1024
} as const
