import { readFile } from 'node:fs/promises'
import { probe } from '../../../helpers/ffmpeg/probe.js'
import { parseMediaPlaylist } from '../../video-pipeline/index.js'
import { checkOutputStreams, type ExpectedOutput } from './check-streams.js'
import { checkAudio, type AudioWindowScore } from './audio-check.js'
import { decodeSamples } from './decode-samples.js'
import { spotCheck, type WindowScore } from './spot-check.js'

export interface VerificationSettings {
  decodedSamples: number
  spotCheck?: {
    samples: number
    sampleSeconds: number
    preset: string
    minSsim: number
    minPsnr: number
    maxSsimLoss: number
    /** Test seam: fixed window starts. */
    starts?: number[]
    /** The sound of the same windows (at least 1 s each): level within this many dB, spectra at least this similar. */
    audio: { maxLevelDifferenceDb: number, minSpectrumSimilarity: number }
  }
}

export interface Verdict {
  accepted: boolean
  problems: string[]
  /** Milliseconds per step, for the cost report. */
  timings: { probeMs: number, decodeMs: number, spotEncodeMs: number, spotCompareMs: number, totalMs: number }
  windows: WindowScore[]
  audioWindows: AudioWindowScore[]
}

/**
 * Everything an output must pass before it is published, cheapest first (a failing step skips the rest):
 * 1. its streams (ffprobe): container, codecs and profile, size, frame rate, audio, duration against the source;
 * 2. an HLS result's playlist addresses byte ranges of its file only;
 * 3. sampled windows decode without error;
 * 4. for runners not trusted, the spot check (our own encode of random seconds, SSIM/PSNR against the source) and
 *    the sound of a few seconds against the source's (level and spectrum; audio merges too).
 * Paths in, a verdict out: no database, so it is measured and tested alone.
 */
export async function verifyRunnerOutput (options: {
  outputPath: string
  playlistPath?: string
  sourcePath: string
  expected: ExpectedOutput & { maxBitrate: number }
  settings: VerificationSettings
  workDir: string
  signal?: AbortSignal
}): Promise<Verdict> {
  const started = Date.now()
  const verdict: Verdict = { accepted: false, problems: [], timings: { probeMs: 0, decodeMs: 0, spotEncodeMs: 0, spotCompareMs: 0, totalMs: 0 }, windows: [], audioWindows: [] }
  const done = (problems: string[]) => {
    verdict.problems.push(...problems)
    verdict.accepted = verdict.problems.length === 0
    verdict.timings.totalMs = Date.now() - started
    return verdict
  }

  const probed = await probe(options.outputPath).catch((err: Error) => err)
  verdict.timings.probeMs = Date.now() - started
  if (probed instanceof Error) return done([ 'it is not a media file ffprobe can read' ])

  const streamProblems = checkOutputStreams(probed, options.expected)
  if (streamProblems.length !== 0) return done(streamProblems)

  if (options.playlistPath) {
    const playlistProblems = await checkResolutionPlaylist(options.playlistPath, probed.size, probed.durationSeconds)
    if (playlistProblems.length !== 0) return done(playlistProblems)
  }

  const decodeStarted = Date.now()
  const decodeProblems = await decodeSamples(options.outputPath, probed.durationSeconds, options.settings.decodedSamples, options.signal)
  verdict.timings.decodeMs = Date.now() - decodeStarted
  if (decodeProblems.length !== 0) return done(decodeProblems)

  const spot = options.settings.spotCheck
  if (spot && probed.audio && options.expected.sourceHasAudio) {
    const seconds = Math.max(1, spot.sampleSeconds)
    const duration = Math.min(probed.audio.durationSeconds ?? probed.durationSeconds, options.expected.sourceDurationSeconds)
    const audio = await checkAudio({
      sourcePath: options.sourcePath,
      outputPath: options.outputPath,
      starts: spot.starts ?? randomStarts(duration, Math.min(seconds, duration), spot.samples),
      seconds: Math.min(seconds, duration),
      maxLevelDifferenceDb: spot.audio.maxLevelDifferenceDb,
      minSpectrumSimilarity: spot.audio.minSpectrumSimilarity,
      signal: options.signal
    })
    verdict.audioWindows = audio.windows
    if (audio.problems.length !== 0) return done(audio.problems)
  }

  if (spot && probed.video && options.expected.sourceWidth > 0) {
    // The output's own size (its height and aspect were checked above): encoders round the other side differently
    // (ffmpeg's scale=-2:480 of 16:9 gives 854, not 852), and the measures need both pictures the same size.
    const width = probed.video.displayWidth
    const height = probed.video.displayHeight
    const result = await spotCheck({
      sourcePath: options.sourcePath,
      outputPath: options.outputPath,
      width,
      height,
      fps: options.expected.fps,
      maxBitrate: options.expected.maxBitrate,
      durationSeconds: Math.min(probed.durationSeconds, options.expected.sourceDurationSeconds),
      samples: spot.samples,
      sampleSeconds: spot.sampleSeconds,
      preset: spot.preset,
      workDir: options.workDir,
      thresholds: { minSsim: spot.minSsim, minPsnr: spot.minPsnr, maxSsimLoss: spot.maxSsimLoss },
      starts: spot.starts,
      signal: options.signal
    })
    verdict.timings.spotEncodeMs = result.encodeMs
    verdict.timings.spotCompareMs = result.compareMs
    verdict.windows = result.windows
    return done(result.problems)
  }
  return done([])
}

/** A runner's media playlist must describe its own file: byte ranges inside it, durations adding up. */
async function checkResolutionPlaylist (playlistPath: string, fileSize: number, durationSeconds: number) {
  let playlist
  try {
    playlist = parseMediaPlaylist(await readFile(playlistPath, 'utf8'))
  } catch (err) {
    return [ `its playlist is unreadable: ${(err as Error).message}` ]
  }
  if (playlist.segments.length === 0) return [ 'its playlist lists no segment' ]
  const outside = playlist.segments.find(s => s.offset + s.length > fileSize)
  if (outside) return [ `its playlist addresses bytes ${outside.offset}-${outside.offset + outside.length - 1}, beyond the file's ${fileSize}` ]
  const listed = playlist.segments.reduce((sum, s) => sum + s.durationSeconds, 0)
  if (Math.abs(listed - durationSeconds) > Math.max(1, durationSeconds * 0.05)) {
    return [ `its playlist lists ${listed.toFixed(2)} s of segments, the file holds ${durationSeconds.toFixed(2)} s` ]
  }
  return []
}

function randomStarts (durationSeconds: number, seconds: number, count: number) {
  const span = Math.max(0, durationSeconds - seconds)
  return Array.from({ length: count }, () => Math.round(Math.random() * span * 1000) / 1000).sort((a, b) => a - b)
}
