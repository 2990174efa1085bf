import {
  FRAME_RATE,
  HIGH_FRAME_RATE_BITRATE_FACTOR,
  MAX_VIDEO_BITRATE_AT_30_FPS,
  STANDARD_RESOLUTIONS
} from '../../initializers/constants/transcoding.js'

/**
 * Frame rate of a rung. Large rungs keep the source rate up to 60; rungs under 720p are capped at 30. Reductions
 * divide the source rate by a whole number when that stays watchable (60 -> 30, 50 -> 25, 59.94 -> 29.97, 120 -> 60),
 * which drops frames evenly; otherwise the cap itself is used.
 */
export function computeRungFps (sourceFps: number, resolution: number) {
  const fps = Number.isFinite(sourceFps) && sourceFps > 0 ? sourceFps : FRAME_RATE.DEFAULT
  const cap = resolution < FRAME_RATE.KEEP_SOURCE_FPS_MIN_RESOLUTION ? FRAME_RATE.LOW_RESOLUTION_MAX : FRAME_RATE.MAX

  if (fps < FRAME_RATE.MIN) return FRAME_RATE.MIN
  if (fps <= cap + 0.01) return fps

  const divisor = Math.ceil(fps / cap - 0.0001)
  const divided = fps / divisor

  return divided >= FRAME_RATE.HALVING_FLOOR ? roundFps(divided) : cap
}

/** VBV cap for a rung: our per-resolution table (interpolated for non-standard sizes), raised for > 30 fps. */
export function computeMaxBitrate (resolution: number, fps: number) {
  const base = bitrateAt30Fps(resolution)
  const factor = fps > FRAME_RATE.LOW_RESOLUTION_MAX + 0.01 ? HIGH_FRAME_RATE_BITRATE_FACTOR : 1

  return Math.round(base * factor)
}

function bitrateAt30Fps (resolution: number) {
  const table = MAX_VIDEO_BITRATE_AT_30_FPS
  const smallest = STANDARD_RESOLUTIONS[0]
  const largest = STANDARD_RESOLUTIONS[STANDARD_RESOLUTIONS.length - 1]

  // Outside the table, bitrate follows the pixel count (square of the resolution).
  if (resolution <= smallest) return Math.max(50_000, table[smallest] * (resolution / smallest) ** 2)
  if (resolution >= largest) return table[largest] * (resolution / largest) ** 2

  const upper = STANDARD_RESOLUTIONS.findIndex(r => r >= resolution)
  const hi = STANDARD_RESOLUTIONS[upper]
  if (hi === resolution) return table[hi]

  const lo = STANDARD_RESOLUTIONS[upper - 1]
  const t = (resolution - lo) / (hi - lo)
  return table[lo] + t * (table[hi] - table[lo])
}

function roundFps (fps: number) {
  return Math.round(fps * 1000) / 1000
}
