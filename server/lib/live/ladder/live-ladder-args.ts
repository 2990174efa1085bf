import { AUDIO } from '../../../initializers/constants/transcoding.js'
import type { LiveLadderSettings, LiveRung } from './live-ladder-types.js'

/** The ffmpeg command of a live: decode once, one fragmented-MP4 output per rung on its own pipe (fd 3, 4...). */
export function buildLiveLadderArgs (settings: LiveLadderSettings, filterScriptPath: string | undefined): string[] {
  const input = [
    // A stream that stops sending for this long is over (microseconds).
    '-rw_timeout', '15000000',
    // The ingest hands over metadata and codec configurations first: a short probe is enough, and the first
    // segments come that much sooner.
    '-analyzeduration', '1000000',
    '-probesize', '1000000',
    '-fflags', '+genpts+nobuffer',
    '-i', settings.inputUrl
  ]

  const outputs = settings.rungs.map((rung, index) => rung.resolution === 0
    ? audioOnlyOutput(settings, index)
    : settings.copyInput ? copyOutput(settings, index) : videoOutput(settings, rung, index, videoRungIndex(settings, rung)))

  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1',
    ...input,
    ...(filterScriptPath ? [ '-filter_complex_script', filterScriptPath ] : []),
    ...(settings.threads > 0 ? [ '-threads', String(settings.threads) ] : []),
    ...outputs.flat()
  ]
}

/** The filter graph: pictures scaled in a cascade (each rung from the one above it), one label per video rung. */
export function buildLiveFilterGraph (settings: LiveLadderSettings) {
  const rungs = videoRungs(settings)
  if (rungs.length === 0 || settings.copyInput) return undefined
  const chains: string[] = []
  let input = '[0:v:0]'
  rungs.forEach((rung, i) => {
    const filters = [
      `fps=${rung.fps}`,
      settings.portrait ? `scale=${rung.resolution}:-2` : `scale=-2:${rung.resolution}`,
      'format=yuv420p'
    ]
    const isLast = i === rungs.length - 1
    chains.push(`${input}${filters.join(',')}${isLast ? `[v${i}]` : `,split=2[v${i}][c${i}]`}`)
    input = `[c${i}]`
  })
  return chains.join(';')
}

function videoRungs (settings: LiveLadderSettings) {
  return settings.rungs.filter(r => r.resolution !== 0)
}

function videoRungIndex (settings: LiveLadderSettings, rung: LiveRung) {
  return videoRungs(settings).indexOf(rung)
}

function audioArgs (settings: LiveLadderSettings) {
  if (!settings.hasAudio) return [ '-an' ]
  return [ '-map', '0:a:0?', '-c:a', 'aac', '-b:a', String(AUDIO.AAC_BITRATE), '-ac', String(AUDIO.MAX_CHANNELS) ]
}

function fragmentedMp4 (settings: LiveLadderSettings, index: number, cutOnKeyframes: boolean) {
  const fragmentUs = Math.round((settings.partSeconds ?? settings.keyframeIntervalSeconds) * 1_000_000)
  const flags = [ 'empty_moov', 'default_base_moof', ...(cutOnKeyframes ? [ 'frag_keyframe' ] : []) ]
  return [
    '-f', 'mp4',
    '-movflags', `+${flags.join('+')}`,
    // Without keyframe cuts (audio) or with parts, fragments are also cut on duration.
    ...(settings.partSeconds || !cutOnKeyframes ? [ '-frag_duration', String(fragmentUs) ] : []),
    '-flush_packets', '1',
    `pipe:${3 + index}`
  ]
}

function videoOutput (settings: LiveLadderSettings, rung: LiveRung, index: number, labelIndex: number) {
  const gop = Math.max(1, Math.round(rung.fps * settings.keyframeIntervalSeconds))
  return [
    '-map', `[v${labelIndex}]`,
    ...audioArgs(settings),
    '-c:v', 'libx264',
    '-preset', settings.preset,
    ...(settings.lowDelay ? [ '-tune', 'zerolatency' ] : []),
    '-profile:v', 'high',
    '-crf', '23',
    '-maxrate', String(rung.maxBitrate),
    '-bufsize', String(rung.maxBitrate),
    '-g', String(gop),
    '-keyint_min', String(gop),
    '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${settings.keyframeIntervalSeconds})`,
    ...fragmentedMp4(settings, index, true)
  ]
}

function copyOutput (settings: LiveLadderSettings, index: number) {
  return [
    '-map', '0:v:0',
    ...(settings.hasAudio ? [ '-map', '0:a:0?', '-c:a', 'copy' ] : [ '-an' ]),
    '-c:v', 'copy',
    ...fragmentedMp4(settings, index, true)
  ]
}

function audioOnlyOutput (settings: LiveLadderSettings, index: number) {
  return [
    '-vn',
    ...audioArgs(settings),
    ...fragmentedMp4(settings, index, false)
  ]
}
