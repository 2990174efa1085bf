import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { KEYFRAME_INTERVAL_SECONDS, X264 } from '../../../initializers/constants/transcoding.js'
import { runFfmpegCapture } from './ffmpeg-capture.js'
import { videoLeadSeconds } from './video-lead.js'

export interface SpotCheckOptions {
  sourcePath: string
  outputPath: string
  width: number
  height: number
  fps: number
  maxBitrate: number
  durationSeconds: number
  samples: number
  sampleSeconds: number
  /** x264 preset of our own encode of the windows. */
  preset: string
  workDir: string
  thresholds: { minSsim: number, minPsnr: number, maxSsimLoss: number }
  signal?: AbortSignal
  /** Test seam: the windows' start times (random otherwise). */
  starts?: number[]
}

export interface WindowScore {
  start: number
  theirs: { ssim: number, psnr: number }
  ours: { ssim: number, psnr: number }
}

export interface SpotCheckResult {
  problems: string[]
  windows: WindowScore[]
  /** Milliseconds spent encoding our own windows, and measuring. */
  encodeMs: number
  compareMs: number
}

/**
 * Encodes a few random seconds of the source ourselves, with the rung's settings, and measures both our encode and
 * the runner's output of the same seconds against the source (scaled to the rung's size, the reference): the
 * output must reach absolute floors (SSIM and PSNR) and be no more than `maxSsimLoss` worse than ours. A runner
 * returning another video, a blurred or a heavily starved one fails; one encoding as well as we do passes.
 */
export async function spotCheck (options: SpotCheckOptions): Promise<SpotCheckResult> {
  const seconds = Math.min(options.sampleSeconds, options.durationSeconds)
  const starts = options.starts ?? randomStarts(options.durationSeconds, seconds, options.samples)
  const result: SpotCheckResult = { problems: [], windows: [], encodeMs: 0, compareMs: 0 }
  const reference = `fps=${options.fps},scale=${options.width}:${options.height}:flags=bicubic,format=yuv420p,setsar=1`
  const [ outputLead, sourceLead ] = await Promise.all([ videoLeadSeconds(options.outputPath), videoLeadSeconds(options.sourcePath) ])

  for (const start of starts) {
    const ours = join(options.workDir, `spot-${randomUUID()}.mp4`)
    try {
      const encodeStarted = Date.now()
      const encoded = await runFfmpegCapture([
        '-v', 'error', '-ss', (start + sourceLead).toFixed(3), '-t', seconds.toFixed(3), '-i', options.sourcePath,
        '-map', '0:v:0', '-vf', reference,
        '-c:v', 'libx264', '-preset', options.preset, '-crf', String(X264.CRF), '-profile:v', X264.PROFILE,
        '-maxrate', String(options.maxBitrate), '-bufsize', String(options.maxBitrate * 2),
        '-g', String(Math.max(1, Math.round(options.fps * KEYFRAME_INTERVAL_SECONDS))),
        '-an', '-f', 'mp4', ours
      ], { signal: options.signal, timeoutMs: 120_000 })
      if (encoded.code !== 0) throw new Error(`Cannot encode the spot check window at ${start.toFixed(1)} s: ${encoded.stderr.trim().split('\n').pop()}`)
      result.encodeMs += Date.now() - encodeStarted

      const compareStarted = Date.now()
      const oursLead = await videoLeadSeconds(ours)
      const [ theirs, ourScore ] = await Promise.all([
        compare({ distorted: options.outputPath, source: options.sourcePath, start: start + outputLead, sourceStart: start + sourceLead, seconds, reference, fps: options.fps, signal: options.signal }),
        compare({ distorted: ours, source: options.sourcePath, start: oursLead, sourceStart: start + sourceLead, seconds, reference, fps: options.fps, signal: options.signal })
      ])
      result.compareMs += Date.now() - compareStarted
      result.windows.push({ start, theirs, ours: ourScore })

      const at = `at ${start.toFixed(1)} s`
      const { minSsim, minPsnr, maxSsimLoss } = options.thresholds
      if (theirs.ssim < minSsim) result.problems.push(`SSIM ${theirs.ssim.toFixed(3)} ${at} is below ${minSsim}`)
      if (theirs.psnr < minPsnr) result.problems.push(`PSNR ${theirs.psnr.toFixed(1)} dB ${at} is below ${minPsnr} dB`)
      if (theirs.ssim < ourScore.ssim - maxSsimLoss) {
        result.problems.push(`SSIM ${theirs.ssim.toFixed(3)} ${at} is more than ${maxSsimLoss} below our own encode's ${ourScore.ssim.toFixed(3)}`)
      }
    } finally {
      await rm(ours, { force: true })
    }
  }
  return result
}

/**
 * SSIM and PSNR of `distorted` (from `start`, `seconds` long) against the source from `sourceStart` (the same
 * pictures: the callers add each file's video lead), scaled to the rung.
 */
async function compare (options: { distorted: string, source: string, start: number, sourceStart?: number, seconds: number, reference: string, fps: number, signal?: AbortSignal }) {
  const { distorted, source, start, seconds, reference, signal } = options
  const sourceStart = options.sourceStart ?? start
  const graph = `[1:v]${reference},split=2[r1][r2];[0:v]fps=${options.fps},format=yuv420p,setsar=1[d];[d][r1]psnr[p];[p][r2]ssim`
  const { code, stderr } = await runFfmpegCapture([
    '-v', 'info', '-ss', start.toFixed(3), '-t', seconds.toFixed(3), '-i', distorted,
    '-ss', sourceStart.toFixed(3), '-t', seconds.toFixed(3), '-i', source,
    '-filter_complex', graph, '-an', '-f', 'null', '-'
  ], { signal, timeoutMs: 120_000 })
  const psnr = /PSNR .*average:(inf|[\d.]+)/.exec(stderr)?.[1]
  const ssim = /SSIM .*All:([\d.]+)/.exec(stderr)?.[1]
  if (code !== 0 || psnr === undefined || ssim === undefined) {
    // An output that cannot even be compared is refused by the caller as undecodable.
    return { ssim: 0, psnr: 0 }
  }
  return { ssim: Number(ssim), psnr: psnr === 'inf' ? 100 : Number(psnr) }
}

function randomStarts (durationSeconds: number, seconds: number, count: number) {
  const span = Math.max(0, durationSeconds - seconds)
  return Array.from({ length: count }, () => Math.round(Math.random() * span * 1000) / 1000).sort((a, b) => a - b)
}
