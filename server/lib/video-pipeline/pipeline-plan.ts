import { FAST_FIRST_RUNG_MAX_RESOLUTION, FRAME_RATE } from '../../initializers/constants/transcoding.js'
import { canRemuxToWebMp4 } from '../../helpers/ffmpeg/playability.js'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { getSourceResolution } from '../../helpers/ffmpeg/resolution.js'
import { planLadder, type LadderOptions } from './ladder.js'
import type { Rung } from './types.js'

/**
 * The order of work after an upload, chosen for time-to-playable first and total CPU second:
 *
 * 1. `remuxSource`: the source already holds web-ready H.264/AAC, so a fast-start codec copy (a second or so, no
 *    decoding) is the first web-video file and, remuxed again, its HLS rendition. When it also fits a rung
 *    (`copiedRung`: same resolution, frame rate and bitrate cap) it stays as that rung and that rung is never
 *    encoded; otherwise it is a temporary file, replaced when the ladder is done.
 * 2. `firstEncode`: only when nothing could be remuxed. One rung alone (the highest at or below 360p, cheap to
 *    encode), so the video plays before the expensive rungs are done.
 * 3. `backgroundEncode`: every remaining rung in one ffmpeg run that decodes the source once.
 *
 * Each rung is encoded at most once; HLS files are remuxed from the same encoded MP4s.
 */
export interface TranscodingPlan {
  audioOnly: boolean
  /** Every rung the video ends up with, highest first. */
  ladder: Rung[]
  remuxSource: boolean
  copiedRung?: Rung
  firstEncode: Rung[]
  backgroundEncode: Rung[]
}

export function planTranscoding (probe: ProbeResult, options: LadderOptions): TranscodingPlan {
  const video = probe.video

  if (!video) {
    const ladder = planLadder({}, options)
    return { audioOnly: true, ladder, remuxSource: false, firstEncode: ladder, backgroundEncode: [] }
  }

  const ladder = planLadder({ width: video.displayWidth, height: video.displayHeight, fps: video.fps }, options)

  if (canRemuxToWebMp4(probe)) {
    const copiedRung = ladder.find(rung => sourceFitsRung(probe, rung))

    return {
      audioOnly: false,
      ladder,
      remuxSource: true,
      copiedRung,
      firstEncode: [],
      backgroundEncode: ladder.filter(rung => rung !== copiedRung)
    }
  }

  const first = pickFastFirstRung(ladder)

  return {
    audioOnly: false,
    ladder,
    remuxSource: false,
    firstEncode: [ first ],
    backgroundEncode: ladder.filter(rung => rung !== first)
  }
}

/** The source can stand for this rung as is: same size, same frame rate, within the bitrate cap. */
export function sourceFitsRung (probe: ProbeResult, rung: Rung) {
  const video = probe.video
  if (!video || !canRemuxToWebMp4(probe)) return false
  if (getSourceResolution(video) !== rung.resolution) return false
  if (video.displayWidth % 2 !== 0 || video.displayHeight % 2 !== 0) return false
  if (video.fps > FRAME_RATE.MAX + 0.01 || Math.abs(video.fps - rung.fps) > 0.01) return false

  const bitrate = video.bitrate || probe.bitrate
  return bitrate > 0 && bitrate <= rung.maxBitrate
}

function pickFastFirstRung (ladder: Rung[]) {
  return ladder.find(rung => rung.resolution <= FAST_FIRST_RUNG_MAX_RESOLUTION) ?? ladder[ladder.length - 1]
}
