import { spawn } from 'node:child_process'
import { getFfmpegPath } from '../../../helpers/ffmpeg/binaries.js'

/** Runs ffmpeg and hands back its exit code and stderr (where decode errors and the metric filters' results go). */
export function runFfmpegCapture (args: string[], options: { signal?: AbortSignal, timeoutMs?: number } = {}) {
  return new Promise<{ code: number | null, stderr: string }>((resolve, reject) => {
    const child = spawn(getFfmpegPath(), [ '-hide_banner', '-nostdin', '-y', ...args ], { stdio: [ 'ignore', 'ignore', 'pipe' ], signal: options.signal })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-64 * 1024) })
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined
    child.on('error', err => { clearTimeout(timer); reject(err) })
    child.on('close', code => { clearTimeout(timer); resolve({ code, stderr }) })
  })
}
