import { probe as probeFile, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { runFfmpeg, type RunFfmpegOptions } from '../../helpers/ffmpeg/run-ffmpeg.js'
import { buildLadderArgs } from './ladder-ffmpeg-args.js'
import { describeRenditionFile } from './rendition-file.js'
import type { EncoderSettings, RenditionFile, Rung } from './types.js'

export interface EncodeLadderOptions extends EncoderSettings, Pick<RunFfmpegOptions, 'onProgress' | 'onCommand' | 'signal'> {
  input: string
  rungs: Rung[]
  /** One MP4 path per rung, same order (PeerTube names them `<uuid>-<resolution>.mp4`). */
  outputs: string[]
  /** Probe of `input` when the caller already has one. */
  probe?: ProbeResult
  /**
   * Picture for audio-only sources (PeerTube shows the video's preview). Without it the video is a plain dark
   * background: an audio upload still becomes a normal web-playable MP4 and HLS rendition, as PeerTube publishes.
   */
  audioOnlyImage?: string
}

/**
 * Encodes all `rungs` in a single ffmpeg run (one decode of the source) into fast-start H.264/AAC MP4 files with a
 * keyframe every 2 s. Returns the outputs in the order of `rungs`.
 */
export async function encodeLadder (options: EncodeLadderOptions): Promise<RenditionFile[]> {
  const source = options.probe ?? await probeFile(options.input)
  const args = buildLadderArgs({ ...options, probe: source })

  await runFfmpeg(args, {
    durationSeconds: source.durationSeconds,
    onProgress: options.onProgress,
    onCommand: options.onCommand,
    signal: options.signal
  })

  return Promise.all(options.rungs.map((rung, i) => describeRenditionFile(options.outputs[i], rung.resolution)))
}
