import { execFile } from 'node:child_process'
import { getFfmpegPath } from './binaries.js'

const FRAME_MAX_BUFFER = 64 * 1024 * 1024

/**
 * Decodes one frame at `atSeconds` (seeking to the keyframe before it, then decoding forward) and returns it as a
 * PNG buffer, already rotated the way players show it. Falls back to the first frame when the seek lands past the
 * end (durations in containers are sometimes optimistic). Rejects when the file has no decodable video.
 */
export async function extractFrame (input: string, atSeconds = 0): Promise<Buffer> {
  const frame = await grabFrame(input, Math.max(0, atSeconds))
  if (frame.length !== 0 || atSeconds <= 0) return ensureFrame(frame, input)

  return ensureFrame(await grabFrame(input, 0), input)
}

function grabFrame (input: string, atSeconds: number): Promise<Buffer> {
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-ss', atSeconds.toFixed(3),
    '-i', input,
    '-map', '0:v:0', '-frames:v', '1', '-an', '-sn', '-dn',
    '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'
  ]

  return new Promise((resolve, reject) => {
    execFile(getFfmpegPath(), args, { encoding: 'buffer', maxBuffer: FRAME_MAX_BUFFER }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`ffmpeg cannot extract a frame from ${input}: ${stderr.toString().trim() || err.message}`))
      resolve(stdout)
    })
  })
}

function ensureFrame (frame: Buffer, input: string) {
  if (frame.length === 0) throw new Error(`No video frame could be decoded from ${input}`)
  return frame
}
