import { runFfmpeg, type RunFfmpegOptions } from '../../helpers/ffmpeg/run-ffmpeg.js'
import { probe, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { canRemuxToWebMp4 } from '../../helpers/ffmpeg/playability.js'
import { describeRenditionFile } from './rendition-file.js'
import type { RenditionFile } from './types.js'

export interface FastStartRemuxOptions extends Pick<RunFfmpegOptions, 'onProgress' | 'onCommand' | 'signal'> {
  input: string
  /** Where to write the web-video MP4 (PeerTube names it `<uuid>-<resolution>.mp4`). */
  output: string
  /** Probe of `input` when the caller already has one. */
  probe?: ProbeResult
}

/**
 * Copies the source's H.264/AAC streams into an MP4 with the index (moov) first, so browsers start playing after
 * the first bytes. No decoding: it runs at disk speed. Global metadata (GPS position, device names) is dropped,
 * as in every file we publish; the rotation flag is stream data and is kept.
 */
export async function fastStartRemux (options: FastStartRemuxOptions): Promise<RenditionFile> {
  const source = options.probe ?? await probe(options.input)
  if (!canRemuxToWebMp4(source) || !source.video) {
    throw new Error(`${options.input} does not hold web-ready H.264/AAC streams: it must be encoded, not remuxed`)
  }

  const args = [
    '-i', options.input,
    '-map', `0:${source.video.streamIndex}`,
    ...(source.audio ? [ '-map', `0:${source.audio.streamIndex}` ] : []),
    '-c', 'copy',
    '-map_metadata', '-1',
    '-map_chapters', '-1',
    '-movflags', '+faststart',
    '-f', 'mp4',
    options.output
  ]

  await runFfmpeg(args, {
    durationSeconds: source.durationSeconds,
    onProgress: options.onProgress,
    onCommand: options.onCommand,
    signal: options.signal
  })

  return describeRenditionFile(options.output)
}
