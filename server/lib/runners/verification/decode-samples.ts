import { runFfmpegCapture } from './ffmpeg-capture.js'

const SAMPLE_SECONDS = 1

/**
 * Decodes short windows of the file (its start, its end and evenly spread ones between): a file whose headers
 * look right but whose frames are broken or missing fails here. Returns the problems found.
 */
export async function decodeSamples (path: string, durationSeconds: number, count: number, signal?: AbortSignal) {
  const problems: string[] = []
  for (const start of samplePositions(durationSeconds, count)) {
    const { code, stderr } = await runFfmpegCapture([
      '-v', 'error', '-xerror', '-ss', start.toFixed(3), '-t', String(SAMPLE_SECONDS), '-i', path, '-map', '0:v:0', '-map', '0:a?', '-f', 'null', '-'
    ], { signal, timeoutMs: 60_000 })
    const errors = stderr.trim()
    if (code !== 0 || errors.length !== 0) {
      problems.push(`it does not decode at ${start.toFixed(1)} s: ${errors.split('\n').pop() || `ffmpeg exited with ${code}`}`)
    }
  }
  return problems
}

export function samplePositions (durationSeconds: number, count: number) {
  const last = Math.max(0, durationSeconds - SAMPLE_SECONDS)
  if (count <= 1 || last === 0) return [ 0 ]
  return Array.from({ length: count }, (_, i) => last * i / (count - 1))
}
