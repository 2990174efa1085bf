import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { CONFIG } from '../../initializers/config/index.js'
import { enabledResolutions } from '../server-config/public-config.js'
import { planLadder, planTranscoding, type LadderSource } from '../video-pipeline/index.js'

/**
 * The transcoding plan for a source under this instance's configuration. With transcoding switched off, the ladder
 * is the source's own resolution alone: copied when it is web-ready, encoded once otherwise.
 */
export function planVideoTranscoding (source: ProbeResult) {
  if (!CONFIG.transcoding.enabled) {
    return planTranscoding(source, { enabledResolutions: [], alwaysTranscodeOriginalResolution: true })
  }

  return planTranscoding(source, {
    enabledResolutions: enabledResolutions(),
    alwaysTranscodeOriginalResolution: CONFIG.transcoding.always_transcode_original_resolution
  })
}

/** The resolutions the ladder of a source of this size has under the current configuration, highest first. */
export function plannedResolutions (source: LadderSource) {
  const options = CONFIG.transcoding.enabled
    ? { enabledResolutions: enabledResolutions(), alwaysTranscodeOriginalResolution: CONFIG.transcoding.always_transcode_original_resolution }
    : { enabledResolutions: [], alwaysTranscodeOriginalResolution: true }
  return planLadder(source, options).map(rung => rung.resolution)
}
