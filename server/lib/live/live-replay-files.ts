import { createReadStream, createWriteStream } from 'node:fs'
import { link, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { runFfmpeg } from '../../helpers/ffmpeg/run-ffmpeg.js'

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

/**
 * A runner's live sends MPEG-TS chunks and asks for each to be removed when it leaves the window. With a replay,
 * each chunk of the top rung also gets a second name (a hard link, no copy) that the removal does not touch:
 * `live-<session>-~replay-<runner's name>`. A runner's file names cannot hold `~`, so no chunk it posts can land
 * on one. They are found again from the session alone, after a crash too, and go with the session's other files.
 */
function runnerReplayPrefix (sessionId: number) {
  return `${sessionFilePrefix(sessionId)}-~replay-`
}

/** Keeps the stored chunk `name` (in `dir`) for the session's replay. A chunk posted twice is kept once. */
export async function keepRunnerChunkForReplay (dir: string, sessionId: number, name: string) {
  const prefix = `${sessionFilePrefix(sessionId)}-`
  const kept = join(dir, runnerReplayPrefix(sessionId) + (name.startsWith(prefix) ? name.slice(prefix.length) : name))
  await rm(kept, { force: true })
  await link(join(dir, name), kept)
}

/** The kept chunks in stream order: by the sequence number that ends a runner's chunk names (`0-000012.ts`). */
async function findRunnerReplayChunks (dir: string, sessionId: number) {
  const prefix = runnerReplayPrefix(sessionId)
  const names = (await readdir(dir).catch(() => [] as string[])).filter(name => name.startsWith(prefix) && name.endsWith('.ts'))
  const sequence = (name: string) => Number(/(\d+)\.ts$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER)
  return names.sort((a, b) => sequence(a) - sequence(b) || a.localeCompare(b)).map(name => join(dir, name))
}

export type ReplaySource = { kind: 'fmp4', init: string, segments: string[] } | { kind: 'mpegts', chunks: string[] }

/** What the session's replay is made of: the local ladder's kept segments, or a runner's kept chunks. */
export async function findReplaySource (dir: string, sessionId: number): Promise<ReplaySource | undefined> {
  const segments = await findReplaySegments(dir, sessionId)
  if (segments && segments.segments.length !== 0) return { kind: 'fmp4', ...segments }
  const chunks = await findRunnerReplayChunks(dir, sessionId)
  return chunks.length !== 0 ? { kind: 'mpegts', chunks } : undefined
}

/** The replay's source as one MP4 file the VOD pipeline reads like any upload. */
export async function writeReplaySource (source: ReplaySource, output: string) {
  if (source.kind === 'fmp4') return concatenateFiles([ source.init, ...source.segments ], output)
  // The chunks are one MPEG-TS stream cut in pieces; a codec copy of the whole into MP4 gives the pipeline a normal
  // file (timestamps from 0, a duration in its header).
  const stream = `${output}.ts`
  try {
    await concatenateFiles(source.chunks, stream)
    const tmp = `${output}.partial`
    try {
      await runFfmpeg([ '-i', stream, '-map', '0:v?', '-map', '0:a?', '-c', 'copy', '-f', 'mp4', tmp ])
      await rename(tmp, output)
    } finally {
      await rm(tmp, { force: true })
    }
  } finally {
    await rm(stream, { force: true })
  }
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

/**
 * Files one after the other, written aside then renamed. An fMP4 init segment and its segments make a fragmented
 * MP4; MPEG-TS chunks of one stream make one MPEG-TS stream.
 */
async function concatenateFiles (files: string[], output: string) {
  await mkdir(dirname(output), { recursive: true })
  const tmp = `${output}.partial`
  const out = createWriteStream(tmp)
  try {
    for (const file of files) {
      for await (const chunk of createReadStream(file)) {
        if (!out.write(chunk)) await once(out, 'drain')
      }
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
    await rename(tmp, output)
  } catch (err) {
    out.destroy()
    await rm(tmp, { force: true })
    throw err
  }
}
