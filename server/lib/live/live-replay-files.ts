import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import { inputFilesDir } from '../video-paths.js'

// A session's files are named `live-<session id>-<resolution>-...` in its video's HLS folder, so that they can
// be found again from the session alone (after a crash) and removed without touching the video's other files.

export function sessionFilePrefix (sessionId: number) {
  return `live-${sessionId}`
}

const SEGMENT_NAME = /^live-(\d+)-(\d+)-(\d+)\.m4s$/

/** Every file of the session in `dir` (segments, parts, playlists, init segments, hashes). */
export async function listSessionFiles (dir: string, sessionId: number) {
  const prefix = `${sessionFilePrefix(sessionId)}-`
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter(name => name.startsWith(prefix)).map(name => join(dir, name))
}

/** The highest rung's init segment and whole segments, in order: what the replay is made of. */
export async function findReplaySegments (dir: string, sessionId: number) {
  const names = await readdir(dir).catch(() => [] as string[])
  const segments = names
    .map(name => SEGMENT_NAME.exec(name))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[1]) === sessionId)
    .map(match => ({ name: match[0], resolution: Number(match[2]), msn: Number(match[3]) }))
  if (segments.length === 0) return undefined
  // The audio-only rung (0) only makes the replay when there is nothing else.
  const top = Math.max(...segments.map(s => s.resolution))
  const init = `${sessionFilePrefix(sessionId)}-${top}-init.mp4`
  if (!names.includes(init)) return undefined
  return {
    init: join(dir, init),
    segments: segments.filter(s => s.resolution === top).sort((a, b) => a.msn - b.msn).map(s => join(dir, s.name))
  }
}

/** Init segment + segments, one after the other: a fragmented MP4 the VOD pipeline reads like any upload. */
export async function concatenateReplay (files: { init: string, segments: string[] }, output: string) {
  await mkdir(inputFilesDir(), { recursive: true })
  const tmp = `${output}.partial`
  const out = createWriteStream(tmp)
  try {
    for (const file of [ files.init, ...files.segments ]) {
      for await (const chunk of createReadStream(file)) {
        if (!out.write(chunk)) await once(out, 'drain')
      }
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
    const { rename } = await import('node:fs/promises')
    await rename(tmp, output)
  } catch (err) {
    out.destroy()
    await rm(tmp, { force: true })
    throw err
  }
}
