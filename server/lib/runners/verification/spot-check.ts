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
      const { theirs, ours: ourScore } = await compareWithSource({
        theirs: { path: options.outputPath, start: start + outputLead },
        ours: { path: ours, start: oursLead },
        source: { path: options.sourcePath, start: start + sourceLead },
        seconds, reference, fps: options.fps, signal: options.signal
      })
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

interface WindowInput {
  path: string
  /** Where the window's first picture is in this file (each file's video lead added by the caller). */
  start: number
}

/**
 * SSIM and PSNR of the runner's window and of ours against the same seconds of the source, scaled to the rung, in
 * one ffmpeg run: the source window is decoded and scaled once for both measures.
 */
async function compareWithSource (options: { theirs: WindowInput, ours: WindowInput, source: WindowInput, seconds: number, reference: string, fps: number, signal?: AbortSignal }) {
  const { seconds, fps } = options
  const distorted = `fps=${fps},format=yuv420p,setsar=1`
  const graph = [
    `[2:v]${options.reference},split=4[r0][r1][r2][r3]`,
    `[0:v]${distorted}[d0]`, `[1:v]${distorted}[d1]`,
    '[d0][r0]psnr[p0]', '[p0][r1]ssim[theirs]',
    '[d1][r2]psnr[p1]', '[p1][r3]ssim[ours]'
  ].join(';')
  const window = (input: WindowInput) => [ '-ss', input.start.toFixed(3), '-t', seconds.toFixed(3), '-i', input.path ]
  const { code, stderr } = await runFfmpegCapture([
    '-v', 'info', ...window(options.theirs), ...window(options.ours), ...window(options.source),
    '-filter_complex', graph, '-map', '[theirs]', '-f', 'null', '-', '-map', '[ours]', '-f', 'null', '-'
  ], { signal: options.signal, timeoutMs: 120_000 })

  // Each measure logs as Parsed_<filter>_<index in the graph>: the runner's chain comes first in the graph.
  const scores = (filter: 'psnr' | 'ssim', pattern: RegExp) => [ ...stderr.matchAll(new RegExp(`\\[Parsed_${filter}_(\\d+) @[^\\]]*\\] ${pattern.source}`, 'g')) ]
    .map(m => ({ index: Number(m[1]), value: m[2] === 'inf' ? 100 : Number(m[2]) }))
    .sort((a, b) => a.index - b.index)
    .map(m => m.value)
  const psnr = scores('psnr', /PSNR .*average:(inf|[\d.]+)/)
  const ssim = scores('ssim', /SSIM .*All:([\d.]+)/)
  if (code !== 0 || psnr.length !== 2 || ssim.length !== 2) {
    // An output that cannot even be compared is refused by the caller (its scores are 0).
    return { theirs: { ssim: 0, psnr: 0 }, ours: { ssim: 0, psnr: 0 } }
  }
  return { theirs: { ssim: ssim[0], psnr: psnr[0] }, ours: { ssim: ssim[1], psnr: psnr[1] } }
}

function randomStarts (durationSeconds: number, seconds: number, count: number) {
  const span = Math.max(0, durationSeconds - seconds)
  return Array.from({ length: count }, () => Math.round(Math.random() * span * 1000) / 1000).sort((a, b) => a - b)
}
