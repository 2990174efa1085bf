import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'

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
}

/** Sessions older than this are removed with their partial file. */
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000

/**
 * Partial uploads on disk: `<id>.part` grows chunk by chunk, `<id>.json` holds the session. On disk rather than in
 * Redis so an upload survives a restart of the instance as well as a dropped connection.
 */
class ResumableUploadStore {
  private dir () {
    return join(fromRoot(CONFIG.storage.tmp), 'resumable-uploads')
  }

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
    return (await stat(this.partPath(id))).size
  }

  /**
   * Writes a chunk at `start`. A client that resends bytes we already have (after losing our reply) starts
   * before our end: the file is cut back to `start` first so the bytes land where they belong.
   */
  async writeChunk (id: string, start: number, chunk: Readable) {
    const received = await this.receivedBytes(id)
    if (start < received) await truncate(this.partPath(id), start)
    await pipeline(chunk, createWriteStream(this.partPath(id), { flags: 'a' }))
    return this.receivedBytes(id)
  }

  async remove (id: string, options: { keepPart?: boolean } = {}) {
    await rm(this.sessionPath(id), { force: true })
    if (!options.keepPart) await rm(this.partPath(id), { force: true })
  }

  async removeExpired () {
    const entries = await readdir(this.dir()).catch(() => [] as string[])
    const now = Date.now()
    for (const entry of entries.filter(e => e.endsWith('.json'))) {
      const session = await this.load(entry.replace(/\.json$/, ''))
      if (session && now - Date.parse(session.createdAt) > SESSION_LIFETIME_MS) await this.remove(session.id)
    }
  }

  private sessionPath (id: string) {
    return join(this.dir(), `${id}.json`)
  }
}

export const resumableUploads = new ResumableUploadStore()
