import {
  AUDIO,
  AUDIO_ONLY_VIDEO,
  KEYFRAME_INTERVAL_SECONDS,
  VBV_BUFFER_SECONDS,
  X264
} from '../../initializers/constants/transcoding.js'
import type { AudioStreamProbe, ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { isPortrait } from '../../helpers/ffmpeg/resolution.js'
import { ENCODER_PROFILES, findEncoderProfile, videoEncoderArgs } from './encoder-profiles.js'
import type { EncoderSettings, Rung } from './types.js'

export interface LadderArgsInput extends EncoderSettings {
  input: string
  probe: ProbeResult
  rungs: Rung[]
  outputs: string[]
  /** Picture shown in the video made for an audio-only source; a plain background when absent. */
  audioOnlyImage?: string
}

/**
 * ffmpeg arguments encoding every rung in one process:
 * - the source is decoded once; each rung is scaled from the rung above it (cheaper than from the source, and the
 *   visual difference of a cascaded downscale is negligible), after dropping frames for its frame rate;
 * - each rung is encoded once with x264 (CRF under a VBV cap, keyframe every 2 s so HLS can be cut by remux);
 * - audio is copied when it is already suitable AAC, else encoded once;
 * - the tee muxer writes one fast-start MP4 per rung, each getting its own video stream and the shared audio.
 */
export function buildLadderArgs (options: LadderArgsInput): string[] {
  const { probe, rungs, outputs } = options
  if (rungs.length === 0) throw new Error('encodeLadder needs at least one rung')
  if (rungs.length !== outputs.length) throw new Error('encodeLadder needs one output path per rung')
  if (!probe.video && !probe.audio) throw new Error(`${options.input} has neither video nor audio`)

  const order = rungs.map((rung, index) => ({ rung, output: outputs[index] }))
    .sort((a, b) => b.rung.resolution - a.rung.resolution)

  const audioOnly = !probe.video
  const source = audioOnly ? stillPictureSource(options, order[0].rung) : videoSource(options)
  const filterGraph = buildCascadeGraph({ ...source, rungs: order.map(o => o.rung) })

  const audio = probe.audio
  const audioArgs = audio ? [ '-map', `${source.mediaInputIndex}:${audio.streamIndex}`, ...audioCodecArgs(audio) ] : [ '-an' ]

  const profile = findEncoderProfile(options.profile ?? 'default') ?? ENCODER_PROFILES[0]
  const x264 = profile.codec === 'libx264'
  const videoArgs: string[] = [
    ...videoEncoderArgs(profile, options.preset ?? X264.DEFAULT_PRESET),
    ...(x264 ? [ '-crf', String(X264.CRF), '-profile:v', X264.PROFILE ] : []),
    ...(audioOnly && x264 ? [ '-tune', 'stillimage' ] : []),
    '-force_key_frames:v', `expr:gte(t,n_forced*${KEYFRAME_INTERVAL_SECONDS})`,
    // Through the tee muxer ffmpeg would default to constant frame rate and duplicate frames of variable frame rate
    // (phone) videos; rungs that need a constant rate get it from their fps filter.
    '-fps_mode:v', 'vfr'
  ]

  order.forEach(({ rung }, i) => {
    videoArgs.push(
      '-map', `[v${i}]`,
      `-maxrate:v:${i}`, String(rung.maxBitrate),
      `-bufsize:v:${i}`, String(rung.maxBitrate * VBV_BUFFER_SECONDS),
      // GOP never longer than the keyframe interval, even if forced keyframes were skipped.
      `-g:v:${i}`, String(Math.max(1, Math.round(rung.fps * KEYFRAME_INTERVAL_SECONDS)))
    )
  })

  const teeTargets = order.map(({ output }, i) => {
    const select = audio ? `v:${i},a` : `v:${i}`
    return `[select=\\'${select}\\':f=mp4:movflags=+faststart]${escapeTeeFilename(output)}`
  })

  return [
    ...source.inputArgs,
    '-filter_complex', filterGraph,
    ...videoArgs,
    ...audioArgs,
    ...(audioOnly ? [ '-shortest' ] : []),
    ...(options.threads && options.threads > 0 ? [ '-threads', String(options.threads) ] : []),
    '-map_metadata', '-1',
    '-map_chapters', '-1',
    '-max_muxing_queue_size', '4096',
    // The tee muxer cannot tell encoders that MP4 wants codec headers out of band: say it ourselves.
    '-flags', '+global_header',
    '-f', 'tee',
    teeTargets.join('|')
  ]
}

interface PictureSource {
  inputArgs: string[]
  /** Index of the uploaded file among the inputs (where the audio comes from). */
  mediaInputIndex: number
  /** Filtergraph label of the pictures to encode, e.g. "0:0". */
  videoLabel: string
  /** Filters applied once before the first rung. */
  preFilters: string[]
  portrait: boolean
  sourceFps: number
}

function videoSource (options: LadderArgsInput): PictureSource {
  const video = options.probe.video!

  return {
    inputArgs: [ '-i', options.input ],
    mediaInputIndex: 0,
    videoLabel: `0:${video.streamIndex}`,
    preFilters: [],
    portrait: isPortrait(video),
    sourceFps: video.fps
  }
}

/** An audio-only upload is shown over a still picture (letterboxed, so a square cover is not cropped) or a plain background. */
function stillPictureSource (options: LadderArgsInput, top: Rung): PictureSource {
  // Same width ffmpeg's scale=-2:<height> gives a 16:9 picture (854 for 480).
  const width = Math.round(top.resolution * 16 / 9 / 2) * 2
  const height = top.resolution
  const duration = options.probe.durationSeconds > 0 ? [ '-t', options.probe.durationSeconds.toFixed(3) ] : []
  const background = AUDIO_ONLY_VIDEO.BACKGROUND_COLOR

  const picture = options.audioOnlyImage
    ? {
      inputArgs: [ '-loop', '1', '-framerate', String(top.fps), ...duration, '-i', options.audioOnlyImage ],
      preFilters: [
        `scale=${width}:${height}:force_original_aspect_ratio=decrease`,
        `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=${background}`,
        'setsar=1'
      ]
    }
    : {
      inputArgs: [ '-f', 'lavfi', ...duration, '-i', `color=c=${background}:s=${width}x${height}:r=${top.fps}` ],
      preFilters: []
    }

  return {
    inputArgs: [ ...picture.inputArgs, '-i', options.input ],
    mediaInputIndex: 1,
    videoLabel: '0:v:0',
    preFilters: picture.preFilters,
    portrait: false,
    sourceFps: top.fps
  }
}

function buildCascadeGraph (options: PictureSource & { rungs: Rung[] }) {
  const chains: string[] = []
  let input = `[${options.videoLabel}]`
  let currentFps = options.sourceFps

  options.rungs.forEach((rung, i) => {
    const filters = i === 0 ? [ ...options.preFilters ] : []

    if (currentFps > 0 && rung.fps < currentFps - 0.01) {
      filters.push(`fps=${rung.fps}`)
      currentFps = rung.fps
    }

    // -2 keeps the aspect ratio with an even size, which 4:2:0 H.264 requires.
    filters.push(options.portrait ? `scale=${rung.resolution}:-2` : `scale=-2:${rung.resolution}`)
    filters.push('format=yuv420p')

    const isLast = i === options.rungs.length - 1
    const outputs = isLast ? `[v${i}]` : `split=2[v${i}][c${i}]`
    chains.push(`${input}${filters.join(',')}${isLast ? outputs : ',' + outputs}`)
    input = `[c${i}]`
  })

  return chains.join(';')
}

function audioCodecArgs (audio: AudioStreamProbe) {
  const copyable = audio.codec === 'aac' &&
    audio.channels > 0 && audio.channels <= AUDIO.MAX_CHANNELS &&
    (audio.bitrate === 0 || audio.bitrate <= AUDIO.MAX_COPY_BITRATE)

  if (copyable) return [ '-c:a', 'copy' ]

  return [
    '-c:a', 'aac',
    '-b:a', String(AUDIO.AAC_BITRATE),
    ...(audio.channels > AUDIO.MAX_CHANNELS ? [ '-ac', String(AUDIO.MAX_CHANNELS) ] : [])
  ]
}

/** The tee muxer splits its target list on '|' and unescapes backslashes and quotes. */
function escapeTeeFilename (path: string) {
  return path.replace(/[\\'|]/g, c => '\\' + c)
}
