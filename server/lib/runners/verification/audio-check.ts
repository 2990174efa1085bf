import { spawn } from 'node:child_process'
import { getFfmpegPath } from '../../../helpers/ffmpeg/binaries.js'

/** Decoded for the comparison: mono at 16 kHz (speech and music below 8 kHz are what tells sounds apart). */
const SAMPLE_RATE = 16_000
const FRAME = 1024
/** Below this level a window counts as silence. */
const SILENCE_DBFS = -55
/** Log-spaced bands from 60 Hz to 7.5 kHz for the coarse spectrum. */
const BANDS = 24

export interface AudioCheckOptions {
  sourcePath: string
  outputPath: string
  /** Window starts in seconds (the same seconds of both files). */
  starts: number[]
  seconds: number
  /** Largest level difference in dB between the source's window and the output's. */
  maxLevelDifferenceDb: number
  /** Smallest similarity (0-1) of the two windows' coarse spectra. */
  minSpectrumSimilarity: number
  signal?: AbortSignal
}

export interface AudioWindowScore {
  start: number
  sourceDbfs: number
  outputDbfs: number
  spectrumSimilarity: number
}

/**
 * The sound of an output against its source, over a few windows: decoded both, compared for their level (a runner
 * returning silence, or the sound at another volume, fails) and their coarse spectrum (another sound fails: another
 * tone, another track, noise). A level and an averaged spectrum do not depend on the exact alignment of the two
 * files (encoder priming, fMP4 without an edit list), so the windows need none.
 */
export async function checkAudio (options: AudioCheckOptions) {
  const problems: string[] = []
  const windows: AudioWindowScore[] = []
  for (const start of options.starts) {
    const [ source, output ] = await Promise.all([
      decodeWindow(options.sourcePath, start, options.seconds, options.signal),
      decodeWindow(options.outputPath, start, options.seconds, options.signal)
    ])
    const at = `at ${start.toFixed(1)} s`
    if (output.length < source.length / 2) {
      problems.push(`its sound ${at} is missing (${(output.length / SAMPLE_RATE).toFixed(2)} s decoded of ${(source.length / SAMPLE_RATE).toFixed(2)} s)`)
      continue
    }
    const sourceDbfs = levelDbfs(source)
    const outputDbfs = levelDbfs(output)
    const silentSource = sourceDbfs < SILENCE_DBFS
    const silentOutput = outputDbfs < SILENCE_DBFS
    const spectrumSimilarity = silentSource || silentOutput ? (silentSource === silentOutput ? 1 : 0) : similarity(spectrum(source), spectrum(output))
    windows.push({ start, sourceDbfs, outputDbfs, spectrumSimilarity })

    if (silentOutput && !silentSource) problems.push(`its sound ${at} is silent (${outputDbfs.toFixed(1)} dBFS; the source's is ${sourceDbfs.toFixed(1)} dBFS)`)
    else if (silentSource && !silentOutput) problems.push(`its sound ${at} is ${outputDbfs.toFixed(1)} dBFS where the source is silent`)
    else if (!silentSource && Math.abs(outputDbfs - sourceDbfs) > options.maxLevelDifferenceDb) {
      problems.push(`its sound ${at} is at ${outputDbfs.toFixed(1)} dBFS, the source's at ${sourceDbfs.toFixed(1)} dBFS`)
    } else if (spectrumSimilarity < options.minSpectrumSimilarity) {
      problems.push(`its sound ${at} is not the source's (spectrum similarity ${spectrumSimilarity.toFixed(3)} is below ${options.minSpectrumSimilarity})`)
    }
  }
  return { problems, windows }
}

function decodeWindow (path: string, start: number, seconds: number, signal?: AbortSignal) {
  return new Promise<Float32Array>((resolve, reject) => {
    const child = spawn(getFfmpegPath(), [
      '-v', 'error', '-nostdin', '-ss', start.toFixed(3), '-t', seconds.toFixed(3), '-i', path,
      '-map', '0:a:0', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', '-'
    ], { stdio: [ 'ignore', 'pipe', 'ignore' ], signal })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', code => {
      const bytes = Buffer.concat(chunks)
      // A file whose sound cannot be decoded gives no samples: the caller reports it missing.
      if (code !== 0 && bytes.length === 0) return resolve(new Float32Array(0))
      const samples = new Float32Array(Math.floor(bytes.length / 2))
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2) / 32768
      resolve(samples)
    })
  })
}

function levelDbfs (samples: Float32Array) {
  if (samples.length === 0) return -Infinity
  let sum = 0
  for (const sample of samples) sum += sample * sample
  const rms = Math.sqrt(sum / samples.length)
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity
}

/** Power per log-spaced band, averaged over Hann-windowed frames. */
function spectrum (samples: Float32Array) {
  const bands = new Float64Array(BANDS)
  const edges = Array.from({ length: BANDS + 1 }, (_, i) => 60 * Math.pow(7500 / 60, i / BANDS))
  const binOf = (frequency: number) => Math.round(frequency * FRAME / SAMPLE_RATE)
  const re = new Float64Array(FRAME)
  const im = new Float64Array(FRAME)
  for (let offset = 0; offset + FRAME <= samples.length; offset += FRAME / 2) {
    for (let i = 0; i < FRAME; i++) {
      re[i] = samples[offset + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FRAME - 1)))
      im[i] = 0
    }
    fft(re, im)
    for (let band = 0; band < BANDS; band++) {
      const from = Math.max(1, binOf(edges[band]))
      const to = Math.max(from + 1, binOf(edges[band + 1]))
      for (let bin = from; bin < to && bin < FRAME / 2; bin++) bands[band] += re[bin] * re[bin] + im[bin] * im[bin]
    }
  }
  return bands
}

/** Cosine similarity of the bands' log-compressed powers: 1 for the same spectral shape. */
function similarity (a: Float64Array, b: Float64Array) {
  const compress = (bands: Float64Array) => {
    const max = Math.max(...bands, 1e-20)
    // Relative to the loudest band, floored 60 dB below it: a band's weight follows what is heard.
    return Array.from(bands, power => Math.max(0, 60 + 10 * Math.log10(Math.max(power, 1e-20) / max)))
  }
  const x = compress(a)
  const y = compress(b)
  let dot = 0
  let nx = 0
  let ny = 0
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i]
    nx += x[i] * x[i]
    ny += y[i] * y[i]
  }
  return nx === 0 || ny === 0 ? 0 : dot / Math.sqrt(nx * ny)
}

/** In-place iterative radix-2 FFT (length a power of two). */
function fft (re: Float64Array, im: Float64Array) {
  const n = re.length
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1
    for (; j & bit; bit >>= 1) j ^= bit
    j ^= bit
    if (i < j) {
      [ re[i], re[j] ] = [ re[j], re[i] ];
      [ im[i], im[j] ] = [ im[j], im[i] ]
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const angle = -2 * Math.PI / size
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = Math.cos(angle * k)
        const wi = Math.sin(angle * k)
        const a = start + k
        const b = a + size / 2
        const tr = re[b] * wr - im[b] * wi
        const ti = re[b] * wi + im[b] * wr
        re[b] = re[a] - tr
        im[b] = im[a] - ti
        re[a] += tr
        im[a] += ti
      }
    }
  }
}
