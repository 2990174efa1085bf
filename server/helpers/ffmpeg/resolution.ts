import { STANDARD_RESOLUTIONS } from '../../initializers/constants/transcoding.js'
import type { ProbeResult, VideoStreamProbe } from './probe.js'

// PeerTube calls "resolution" the shorter side of the displayed picture: a 1080x1920 phone video is 1080p.

/** Sources cropped by a few lines (1280x718, 1920x1072) still count as their standard resolution. */
const STANDARD_RESOLUTION_TOLERANCE = 0.02

type VideoDimensions = Pick<VideoStreamProbe, 'displayWidth' | 'displayHeight'>

export function getSourceResolution (video: VideoDimensions) {
  return Math.min(video.displayWidth, video.displayHeight)
}

export function isPortrait (video: VideoDimensions) {
  return video.displayHeight > video.displayWidth
}

/**
 * The standard resolution (144, 240, ... 2160) a source resolution corresponds to, or undefined when it matches
 * none (a 1000p upload). Accepts a probe, or a resolution number.
 */
export function getStandardResolution (source: ProbeResult | number): number | undefined {
  const resolution = typeof source === 'number'
    ? source
    : source.video ? getSourceResolution(source.video) : 0

  if (resolution <= 0) return undefined

  return STANDARD_RESOLUTIONS.find(r => Math.abs(r - resolution) <= r * STANDARD_RESOLUTION_TOLERANCE)
}

export function toEven (n: number) {
  const rounded = Math.round(n)
  return rounded % 2 === 0 ? rounded : rounded - 1
}
