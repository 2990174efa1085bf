import type { ProbeResult } from './probe.js'

// Two different questions: "can Chromium play this file as it is" (isBrowserPlayable) and "can a codec copy turn it
// into the kind of MP4 every PeerTube client plays" (canRemuxToWebMp4: H.264 + AAC only, whatever the container).

const MP4_FAMILY = /(^|,)(mov|mp4|m4a|3gp)(,|$)/
const MATROSKA_FAMILY = /(^|,)(matroska|webm)(,|$)/

const MP4_VIDEO_CODECS = new Set([ 'h264', 'vp9', 'av1' ])
const MP4_AUDIO_CODECS = new Set([ 'aac', 'mp3', 'opus', 'flac' ])
const WEBM_VIDEO_CODECS = new Set([ 'vp8', 'vp9', 'av1' ])
const WEBM_AUDIO_CODECS = new Set([ 'opus', 'vorbis' ])

/** Profiles of 8-bit 4:2:0 H.264, which every browser decodes (High 10 and 4:2:2/4:4:4 profiles are not). */
const WEB_H264_PROFILES = new Set([ 'Constrained Baseline', 'Baseline', 'Main', 'High' ])
const INTERLACED_FIELD_ORDERS = new Set([ 'tt', 'bb', 'tb', 'bt' ])

export function isAudioOnly (probe: ProbeResult) {
  return !probe.video && !!probe.audio
}

/** True when Debian's Chromium plays the file as a video without any processing. */
export function isBrowserPlayable (probe: ProbeResult) {
  const { video, audio } = probe
  if (!video) return false

  if (MP4_FAMILY.test(probe.formatName)) {
    if (!MP4_VIDEO_CODECS.has(video.codec)) return false
    if (video.codec === 'h264' && !isWebH264(probe)) return false
    return !audio || MP4_AUDIO_CODECS.has(audio.codec)
  }

  if (MATROSKA_FAMILY.test(probe.formatName)) {
    return WEBM_VIDEO_CODECS.has(video.codec) && (!audio || WEBM_AUDIO_CODECS.has(audio.codec))
  }

  return false
}

/**
 * True when `-c copy -movflags +faststart` into MP4 yields a web video file: progressive 8-bit 4:2:0 H.264 with AAC
 * or no audio. The container does not matter (an MKV or MPEG-TS holding H.264/AAC remuxes just as well).
 */
export function canRemuxToWebMp4 (probe: ProbeResult) {
  if (!probe.video || !isWebH264(probe)) return false
  return !probe.audio || probe.audio.codec === 'aac'
}

function isWebH264 ({ video }: ProbeResult) {
  if (!video || video.codec !== 'h264') return false
  if (video.pixFmt !== 'yuv420p') return false
  if (video.profile && !WEB_H264_PROFILES.has(video.profile)) return false
  if (video.fieldOrder && INTERLACED_FIELD_ORDERS.has(video.fieldOrder)) return false
  return video.width > 0 && video.height > 0
}
