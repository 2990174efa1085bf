import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { moveFile } from '../../helpers/fs/move-file.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { byteLimit, TooManyBytesError } from './byte-limit.js'

export { TooManyBytesError } from './byte-limit.js'

/** The source of a chunk stopped before its end (the client went away): what arrived is kept. */
export class ChunkInterruptedError extends Error {
  constructor () {
    super('The chunk ended before all its bytes arrived')
    this.name = 'ChunkInterruptedError'
  }
}

export interface ResumableUploadSession {
  id: string
  userId: number
  /** Bytes announced by X-Upload-Content-Length. */
  size: number
  mimeType: string
  filename: string
  /** The validated metadata of the POST, applied once the last byte is in. */
  metadata: Record<string, unknown>
  createdAt: string
  /** Set when the last byte is in, before the video is created: the uuid it gets. */
  videoUuid?: string
  /** The answer to the last chunk, kept a while for a client that retries it after losing it. */
  result?: { id: number, uuid: string, shortUUID: string }
  finishedAt?: string
}

/** How long the answer of a finished upload is kept for a retried last chunk. */
export const FINISHED_SESSION_LIFETIME_MS = 60 * 60 * 1000

/** A session untouched for this long (no new session, no chunk written) is removed with its partial file. */
export const RESUMABLE_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000

/**
 * Partial uploads on disk: `<id>.part` grows chunk by chunk, `<id>.json` holds the session. On disk rather than in
 * Redis so an upload survives a restart of the instance as well as a dropped connection.
 */
export class ResumableUploadStore {
  /** `dir` defaults to the instance's tmp/resumable-uploads folder (read when used, as CONFIG is). */
  constructor (private readonly dir: () => string = () => join(fromRoot(CONFIG.storage.tmp), 'resumable-uploads')) {}

  partPath (id: string) {
    return join(this.dir(), `${id}.part`)
  }

  async create (session: Omit<ResumableUploadSession, 'id' | 'createdAt'>) {
    await mkdir(this.dir(), { recursive: true })
    const full: ResumableUploadSession = { ...session, id: randomBytes(16).toString('hex'), createdAt: new Date().toISOString() }
    await writeFile(this.partPath(full.id), '')
    await writeFile(this.sessionPath(full.id), JSON.stringify(full))
    return full
  }

  async load (id: string): Promise<ResumableUploadSession | undefined> {
    if (!/^[a-f0-9]{32}$/.test(id)) return undefined
    try {
      return JSON.parse(await readFile(this.sessionPath(id), 'utf8')) as ResumableUploadSession
    } catch {
      return undefined
    }
  }

  async receivedBytes (id: string) {
    try {
      return (await stat(this.partPath(id))).size
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      // Its bytes are gone (a crash while the video was created, and no source left): the client starts again.
      await writeFile(this.partPath(id), '')
      return 0
    }
  }

  /**
   * Writes a chunk of at most `maxBytes` at `start` and returns the bytes now received. A client that resends bytes
   * we already have (after losing our reply) starts before our end: the file is cut back to `start` first so the
   * bytes land where they belong.
   *
   * Never writes past `start + maxBytes`: when more arrive, throws TooManyBytesError and cuts the file back to
   * `start`. When the source stops early, throws ChunkInterruptedError and keeps what arrived (the client resumes
   * from there). The source is never destroyed here: what happens to the connection is the caller's choice.
   */
  async writeChunk (id: string, start: number, maxBytes: number, chunk: Readable) {
    const path = this.partPath(id)
    if (chunk.destroyed && !chunk.readableEnded) throw new ChunkInterruptedError()

    const received = await this.receivedBytes(id)
    if (start < received) await truncate(path, start)

    const limiter = byteLimit(maxBytes)
    const written = pipeline(limiter, createWriteStream(path, { flags: 'a' }))
    const onSourceGone = () => {
      if (!chunk.readableEnded) limiter.destroy(new ChunkInterruptedError())
    }
    chunk.once('close', onSourceGone)
    chunk.once('error', onSourceGone)
    chunk.pipe(limiter)

    try {
      await written
    } catch (err) {
      // Too many bytes, or no room for them: none of this chunk is kept, the client sends it again.
      if (err instanceof TooManyBytesError || (err as NodeJS.ErrnoException).code === 'ENOSPC') await truncate(path, start)
      throw err
    } finally {
      chunk.unpipe(limiter)
      chunk.off('close', onSourceGone)
      chunk.off('error', onSourceGone)
    }
    return this.receivedBytes(id)
  }

  /** Records the uuid the video will get, before it is created. */
  async markFinishing (session: ResumableUploadSession, videoUuid: string) {
    await this.save({ ...session, videoUuid })
  }

  /** Records the answer of the last chunk; the partial file is gone by then (it became the video's source). */
  async markFinished (session: ResumableUploadSession, result: NonNullable<ResumableUploadSession['result']>) {
    await this.save({ ...session, result, finishedAt: new Date().toISOString() })
    await rm(this.partPath(session.id), { force: true })
  }

  /** Puts a source back as the partial file (a crash after it was taken, before its video was committed). */
  async restorePart (id: string, from: string) {
    await moveFile(from, this.partPath(id))
  }

  private async save (session: ResumableUploadSession) {
    const path = this.sessionPath(session.id)
    await writeFile(`${path}.tmp`, JSON.stringify(session))
    await rename(`${path}.tmp`, path)
  }

  async remove (id: string, options: { keepPart?: boolean } = {}) {
    await rm(this.sessionPath(id), { force: true })
    if (!options.keepPart) await rm(this.partPath(id), { force: true })
  }

  /**
   * Removes the sessions (and their partial files) untouched for `lifetimeMs`: created that long ago and no chunk
   * written since. Also removes partial files left without a session (a crash while the video was being created)
   * and session files that cannot be read. Returns the ids removed.
   */
  async removeExpired (lifetimeMs = RESUMABLE_SESSION_LIFETIME_MS) {
    const entries = await readdir(this.dir()).catch(() => [] as string[])
    const ids = new Set(entries.map(e => /^([a-f0-9]{32})\.(json|part)$/.exec(e)?.[1]).filter(id => id !== undefined))
    const deadline = Date.now() - lifetimeMs
    const removed: string[] = []

    for (const id of ids) {
      const session = await this.load(id)
      if (session?.finishedAt) {
        if (Date.parse(session.finishedAt) < Date.now() - FINISHED_SESSION_LIFETIME_MS) {
          await this.remove(id)
          removed.push(id)
        }
        continue
      }
      const createdAt = session ? Date.parse(session.createdAt) : NaN
      const lastActivity = Math.max(
        Number.isNaN(createdAt) ? 0 : createdAt,
        await this.modifiedAt(this.partPath(id)),
        // Being finished, its partial file may be gone (it became a video's source): the session's own write counts.
        !session || session.videoUuid ? await this.modifiedAt(this.sessionPath(id)) : 0
      )
      if (lastActivity < deadline) {
        await this.remove(id)
        removed.push(id)
      }
    }
    return removed
  }

  private async modifiedAt (path: string) {
    return stat(path).then(s => s.mtimeMs, () => 0)
  }

  private sessionPath (id: string) {
    return join(this.dir(), `${id}.json`)
  }
}

export const resumableUploads = new ResumableUploadStore()
