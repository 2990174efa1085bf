import { spawn } from 'node:child_process'
import { getFfmpegPath } from './binaries.js'

export interface FfmpegProgress {
  /** Seconds of output written so far. */
  outTimeSeconds: number
  /** 0..1 when the total duration is known, undefined otherwise. */
  ratio?: number
  /** Encoding speed relative to real time, as ffmpeg reports it (2 = twice real time). */
  speed?: number
}

export interface RunFfmpegOptions {
  /** Duration of the media being produced, to turn ffmpeg's output time into a ratio. */
  durationSeconds?: number
  onProgress?: (progress: FfmpegProgress) => void
  /** Called with the full argument list just before the process starts (logs, tests counting processes). */
  onCommand?: (args: string[]) => void
  signal?: AbortSignal
  cwd?: string
  /** ffmpeg is killed when it writes no progress for this long (a hung decoder, a stuck input). */
  stallTimeoutMs?: number
}

let defaultStallTimeoutMs = 120_000

/** The stall limit of every ffmpeg run that does not set its own (from the configuration, at start-up). */
export function setFfmpegStallTimeout (ms: number) {
  defaultStallTimeoutMs = ms
}

export class FfmpegError extends Error {
  constructor (
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
    readonly args: string[]
  ) {
    super(message)
    this.name = 'FfmpegError'
  }
}

const STDERR_TAIL_BYTES = 8 * 1024

/**
 * Runs ffmpeg with our common prefix (no banner, no stdin, overwrite, errors only, machine-readable progress on
 * stdout) followed by `args`. Resolves when ffmpeg exits 0; rejects with an FfmpegError holding stderr's tail.
 */
export function runFfmpeg (args: string[], options: RunFfmpegOptions = {}): Promise<void> {
  const fullArgs = [ '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args ]
  options.onCommand?.(fullArgs)

  return new Promise((resolve, reject) => {
    const child = spawn(getFfmpegPath(), fullArgs, {
      cwd: options.cwd,
      signal: options.signal,
      stdio: [ 'ignore', 'pipe', 'pipe' ]
    })

    // ffmpeg reports progress about twice a second; silence for this long means it is stuck.
    const stallMs = options.stallTimeoutMs ?? defaultStallTimeoutMs
    let stalled = false
    let watchdog: NodeJS.Timeout | undefined
    const feedWatchdog = () => {
      clearTimeout(watchdog)
      watchdog = setTimeout(() => {
        stalled = true
        child.kill('SIGKILL')
      }, stallMs)
    }
    feedWatchdog()

    let stderrTail = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES)
    })

    let pending = ''
    let progress: FfmpegProgress = { outTimeSeconds: 0 }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      feedWatchdog()
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''

      for (const line of lines) {
        const separator = line.indexOf('=')
        if (separator === -1) continue
        const key = line.slice(0, separator).trim()
        const value = line.slice(separator + 1).trim()

        if (key === 'out_time_us' || key === 'out_time_ms') {
          // Both keys hold microseconds (out_time_ms is misnamed in ffmpeg).
          const micro = Number(value)
          if (Number.isFinite(micro) && micro >= 0) progress = { ...progress, outTimeSeconds: micro / 1_000_000 }
        } else if (key === 'speed') {
          const speed = parseFloat(value)
          if (Number.isFinite(speed)) progress = { ...progress, speed }
        } else if (key === 'progress' && options.onProgress) {
          const total = options.durationSeconds
          const ratio = total && total > 0 ? Math.min(1, progress.outTimeSeconds / total) : undefined
          options.onProgress({ ...progress, ratio: value === 'end' ? 1 : ratio })
        }
      }
    })

    child.on('error', err => {
      clearTimeout(watchdog)
      reject(new FfmpegError(`ffmpeg could not run: ${err.message}`, null, stderrTail, fullArgs))
    })

    child.on('close', (code, signal) => {
      clearTimeout(watchdog)
      if (code === 0) return resolve()
      if (stalled) {
        return reject(new FfmpegError(`ffmpeg made no progress for ${Math.round(stallMs / 1000)} s and was stopped`, code, stderrTail, fullArgs))
      }

      const reason = signal ? `was killed (${signal})` : `exited with code ${code}`
      const lastLine = stderrTail.trim().split('\n').pop() ?? ''
      reject(new FfmpegError(`ffmpeg ${reason}${lastLine ? ': ' + lastLine : ''}`, code, stderrTail, fullArgs))
    })
  })
}
