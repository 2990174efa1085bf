import { AUDIO_ONLY_VIDEO, STANDARD_RESOLUTIONS } from '../../initializers/constants/transcoding.js'
import { toEven } from '../../helpers/ffmpeg/resolution.js'
import { computeMaxBitrate, computeRungFps } from './rung-settings.js'
import type { Rung } from './types.js'

export interface LadderSource {
  /** Displayed size (after rotation); the shorter side is the resolution. Absent for audio-only sources. */
  width?: number
  height?: number
  fps?: number
}

export interface LadderOptions {
  /** Resolutions switched on in the configuration (any of 144, 240, 360, 480, 720, 1080, 1440, 2160). */
  enabledResolutions: readonly number[]
  /**
   * PeerTube's `always_transcode_original_resolution`: also keep a rung at the source's own resolution when it is
   * not an enabled one (a 1000p upload keeps 1000p; a 1080p upload keeps 1080p even if 1080p is switched off).
   */
  alwaysTranscodeOriginalResolution?: boolean
}

/**
 * Rungs for a source, highest first. Every enabled resolution at or below the source's resolution (its shorter
 * side) is a rung, so a standard source keeps its own resolution when it is enabled. The source's resolution is
 * added when `alwaysTranscodeOriginalResolution` is on, and whenever nothing else would be produced (a source smaller
 * than every enabled resolution). Nothing is ever upscaled.
 *
 * Audio-only sources get a single rung: the still-picture video PeerTube makes for them.
 */
export function planLadder (source: LadderSource, options: LadderOptions): Rung[] {
  if (!source.width || !source.height) {
    return [ buildRung(AUDIO_ONLY_VIDEO.RESOLUTION, AUDIO_ONLY_VIDEO.FPS) ]
  }

  const sourceResolution = toEven(Math.min(source.width, source.height))
  const sourceFps = source.fps ?? 0

  const resolutions = new Set(
    options.enabledResolutions
      .filter(r => (STANDARD_RESOLUTIONS as readonly number[]).includes(r))
      .filter(r => r <= sourceResolution)
  )

  if (options.alwaysTranscodeOriginalResolution || resolutions.size === 0) {
    resolutions.add(sourceResolution)
  }

  return [ ...resolutions ]
    .sort((a, b) => b - a)
    .map(resolution => buildRung(resolution, computeRungFps(sourceFps, resolution)))
}

export function buildRung (resolution: number, fps: number): Rung {
  return { resolution, fps, maxBitrate: computeMaxBitrate(resolution, fps) }
}
