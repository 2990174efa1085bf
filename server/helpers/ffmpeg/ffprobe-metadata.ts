import { execFile } from 'node:child_process'
import { getFfprobePath } from './binaries.js'

/** ffprobe's own description of a file (streams, format, chapters), as PeerTube publishes it at a file's metadataUrl. */
export interface FfprobeMetadata {
  streams: Record<string, unknown>[]
  format: Record<string, unknown>
  chapters: Record<string, unknown>[]
}

const FFPROBE_MAX_BUFFER = 16 * 1024 * 1024

/**
 * Runs ffprobe on a file and returns its JSON, without `format.filename`: that absolute path would tell anyone
 * reading the metadata how our storage is laid out. Rejects when ffprobe cannot read the file.
 */
export function probeFileMetadata (path: string): Promise<FfprobeMetadata> {
  const args = [ '-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', path ]

  return new Promise((resolve, reject) => {
    execFile(getFfprobePath(), args, { maxBuffer: FFPROBE_MAX_BUFFER }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`ffprobe cannot read ${path}: ${stderr.trim() || err.message}`))

      let raw: Partial<FfprobeMetadata>
      try {
        raw = JSON.parse(stdout) as Partial<FfprobeMetadata>
      } catch {
        return reject(new Error(`ffprobe returned unreadable output for ${path}`))
      }

      const { filename: _path, ...format } = raw.format ?? {}
      resolve({ streams: raw.streams ?? [], format, chapters: raw.chapters ?? [] })
    })
  })
}
