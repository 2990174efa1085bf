import { execFile } from 'node:child_process'
import { getFfprobePath } from '../../../helpers/ffmpeg/binaries.js'

/**
 * How far the first video frame comes after the file's start, in seconds. ffmpeg's `-ss` counts from the file's
 * start (its earliest stream), so two files showing the same pictures seek to different pictures when one has a lead
 * — an fMP4 HLS file without edit list starts its video two frames late, its audio with the encoder's priming: PeerTube's
 * runner returns such files. Windows are compared from the first frame, so each seek adds its file's lead.
 */
export function videoLeadSeconds (path: string) {
  return new Promise<number>(resolve => {
    execFile(getFfprobePath(), [
      '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'format=start_time:stream=start_time', '-of', 'json', path
    ], { timeout: 30_000 }, (err, stdout) => {
      if (err) return resolve(0)
      try {
        const parsed = JSON.parse(stdout) as { format?: { start_time?: string }, streams?: { start_time?: string }[] }
        const file = Number(parsed.format?.start_time ?? 0)
        const video = Number(parsed.streams?.[0]?.start_time ?? file)
        const lead = video - file
        resolve(Number.isFinite(lead) && lead > 0 && lead < 10 ? lead : 0)
      } catch {
        resolve(0)
      }
    })
  })
}
