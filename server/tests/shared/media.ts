import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** Runs ffprobe on a file or URL and returns its JSON (streams and format). */
export async function ffprobeJson (input: string) {
  const { stdout } = await execFileAsync('ffprobe', [ '-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', input ])
  return JSON.parse(stdout) as {
    streams: { codec_type: string, codec_name: string, width?: number, height?: number, r_frame_rate?: string }[]
    format: { duration: string, size: string, format_name: string }
  }
}

export async function videoHeight (input: string) {
  const probe = await ffprobeJson(input)
  return probe.streams.find(s => s.codec_type === 'video')?.height
}
