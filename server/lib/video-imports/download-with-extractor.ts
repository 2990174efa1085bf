import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CONFIG } from '../../initializers/config/index.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import type { DownloadedFile } from './download-http.js'

const log = loggerWithTags('video-imports', 'extractor')

/**
 * The site extractor (yt-dlp or youtube-dl) configured in `import.videos.http.youtube_dl_release.binary_path`, if
 * it exists and may be run. Tubeless never downloads one: without it, web pages are refused and only direct media
 * URLs are imported.
 */
export function extractorPath (): string | undefined {
  const path = CONFIG.import.videos.http.youtube_dl_release.binary_path
  if (!path) return undefined
  try {
    accessSync(path, constants.X_OK)
    return path
  } catch {
    return undefined
  }
}

/**
 * Runs the extractor on a web page to download its video into `dir` (best single file, no playlist, size capped).
 * The extractor makes its own requests: the address guards of our HTTP client do not apply to them (the page URL
 * itself was checked before the import was accepted).
 */
export async function downloadWithExtractor (options: { url: string, dir: string, maxBytes: number, signal: AbortSignal }): Promise<DownloadedFile> {
  const binary = extractorPath()
  if (!binary) throw new PermanentJobError('No site extractor (yt-dlp) is configured on this instance any more')

  const args = [
    '--no-playlist', '--no-progress', '--no-warnings', '--no-mtime',
    '--max-filesize', String(options.maxBytes),
    '-f', 'best[ext=mp4]/best',
    '-o', join(options.dir, 'media.%(ext)s'),
    '--', options.url
  ]
  const stderr: string[] = []
  await new Promise<void>((resolve, reject) => {
    const child = spawn(binary, args, { signal: options.signal, stdio: [ 'ignore', 'ignore', 'pipe' ] })
    child.stderr.on('data', (chunk: Buffer) => { if (stderr.length < 50) stderr.push(chunk.toString()) })
    child.on('error', err => reject(options.signal.aborted ? options.signal.reason : err))
    child.on('close', code => code === 0
      ? resolve()
      : reject(new PermanentJobError(`The extractor failed (exit ${code}): ${stderr.join('').trim().slice(-500)}`)))
  })

  const produced = (await readdir(options.dir)).filter(name => name.startsWith('media.') && !name.endsWith('.part'))
  if (produced.length === 0) throw new PermanentJobError('The extractor produced no file (larger than allowed, or no video on the page)')
  const path = join(options.dir, produced[0])
  const { size } = await stat(path)
  if (size > options.maxBytes) throw new PermanentJobError(`The video is larger than the ${options.maxBytes} bytes this import may use`)
  log.info(`Extracted ${options.url} (${size} bytes)`)
  return { path, originalName: produced[0], size }
}
