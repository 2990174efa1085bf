import type { ProbeResult } from '../../../helpers/ffmpeg/probe.js'

/** What an output was asked to be, and what its source was. */
export interface ExpectedOutput {
  resolution: number
  fps: number
  /** Displayed size of the source; 0 for an audio-only source (its video is a still picture). */
  sourceWidth: number
  sourceHeight: number
  sourceDurationSeconds: number
  sourceHasAudio: boolean
  durationTolerance: { seconds: number, percent: number }
}

/** H.264 profiles every browser we serve decodes (High 10 or 4:4:4 would play nowhere). */
const PLAYABLE_H264_PROFILES = [ 'Constrained Baseline', 'Baseline', 'Main', 'High' ]
const ASPECT_TOLERANCE = 0.02
const FPS_TOLERANCE = { absolute: 0.5, relative: 0.05 }

/**
 * The cheap checks of an output, from its ffprobe: an MP4 holding one H.264 (playable profile, 4:2:0) video of the
 * asked size and frame rate, AAC audio when the source had sound, and the source's duration. Returns the reasons
 * it fails (empty when it passes).
 */
export function checkOutputStreams (probe: ProbeResult, expected: ExpectedOutput) {
  const problems: string[] = []
  const video = probe.video

  if (!/\bmp4\b|\bmov\b/.test(probe.formatName)) problems.push(`container is ${probe.formatName || 'unknown'}, not MP4`)
  if (!video) {
    problems.push('it has no video stream')
    return problems
  }
  if (video.codec !== 'h264') problems.push(`video codec is ${video.codec}, not H.264`)
  if (video.profile && !PLAYABLE_H264_PROFILES.includes(video.profile)) problems.push(`H.264 profile ${video.profile} is not one browsers play`)
  if (video.pixFmt !== 'yuv420p' && video.pixFmt !== 'yuvj420p') problems.push(`pixel format is ${video.pixFmt}, not yuv420p`)

  const shorter = Math.min(video.displayWidth, video.displayHeight)
  if (Math.abs(shorter - expected.resolution) > 1) problems.push(`resolution is ${video.displayWidth}x${video.displayHeight}, not ${expected.resolution}p`)
  if (expected.sourceWidth > 0 && expected.sourceHeight > 0) {
    const asked = expected.sourceWidth / expected.sourceHeight
    const got = video.displayWidth / video.displayHeight
    if (Math.abs(got - asked) / asked > ASPECT_TOLERANCE) {
      problems.push(`aspect ratio is ${got.toFixed(3)}, the source's is ${asked.toFixed(3)}`)
    }
  }

  const fpsTolerance = Math.max(FPS_TOLERANCE.absolute, expected.fps * FPS_TOLERANCE.relative)
  if (!(video.fps > 0) || Math.abs(video.fps - expected.fps) > fpsTolerance) problems.push(`frame rate is ${video.fps.toFixed(3)}, not ${expected.fps}`)

  if (expected.sourceHasAudio) {
    if (!probe.audio) problems.push('the source has sound, the output has none')
    else if (probe.audio.codec !== 'aac') problems.push(`audio codec is ${probe.audio.codec}, not AAC`)
  }

  // An audio upload's output is its sound over a looped picture: the sound is what must last as long as the source
  // (PeerTube's runner's merge lets the picture run on past the sound's end by a second or two).
  const audioOnlySource = expected.sourceWidth === 0
  const duration = audioOnlySource && probe.audio?.durationSeconds ? probe.audio.durationSeconds : probe.durationSeconds
  const tolerance = Math.max(expected.durationTolerance.seconds, expected.sourceDurationSeconds * expected.durationTolerance.percent / 100)
  if (Math.abs(duration - expected.sourceDurationSeconds) > tolerance) {
    problems.push(`duration is ${duration.toFixed(2)} s, the source's is ${expected.sourceDurationSeconds.toFixed(2)} s`)
  }
  return problems
}

/**
 * The largest file a rung may weigh: its VBV cap over the duration, plus audio, times a safety factor. A bigger
 * upload is refused before it is looked at.
 */
export function maxResultBytes (options: { maxBitrate: number, durationSeconds: number, factor: number, minimum: number }) {
  const audioBitrate = 320_000
  const bytes = (options.maxBitrate + audioBitrate) * Math.max(1, options.durationSeconds) / 8
  return Math.max(options.minimum, Math.ceil(bytes * options.factor))
}
