import { open, type FileHandle } from 'node:fs/promises'
import { resolve } from 'node:path'

/**
 * Open files of immutable media, kept a few seconds: a player or a WebSeed reads many ranges of the same file in a
 * row, and an open(), fstat() and close() for each was a tenth of the work of a range. Only for files whose name
 * is never reused for other content (fresh UUIDs): a moved or deleted file's handle still reads the same bytes,
 * and access is decided before a file is opened, never by the cache. A handle is closed once evicted and no reply
 * reads from it any more.
 */

export interface OpenFile {
  handle: FileHandle
  size: number
  mtime: Date
  /** Call once the reply is done with the file. */
  release: () => void
}

interface Entry {
  handle: FileHandle
  size: number
  mtime: Date
  users: number
  expires: number
  evicted: boolean
  closed?: boolean
}

const TTL_MS = 5_000
const MAX_ENTRIES = 256

const entries = new Map<string, Entry>()

export async function openCachedFile (path: string): Promise<OpenFile> {
  let entry = entries.get(path)
  if (entry && entry.expires < Date.now()) {
    retire(path, entry)
    entry = undefined
  }
  if (!entry) {
    const opened = await openEntry(path)
    // Another request may have opened the same file meanwhile: keep one.
    const current = entries.get(path)
    if (current && current.expires >= Date.now()) {
      opened.evicted = true
      entry = current
    } else {
      if (current) retire(path, current)
      entries.set(path, opened)
      entry = opened
      if (entries.size > MAX_ENTRIES) {
        const [ oldestPath, oldest ] = entries.entries().next().value as [ string, Entry ]
        retire(oldestPath, oldest)
      }
    }
    closeIfUnused(opened)
  }

  const used = entry
  used.users++
  let released = false
  return {
    handle: used.handle,
    size: used.size,
    mtime: used.mtime,
    release: () => {
      if (released) return
      released = true
      used.users--
      closeIfUnused(used)
    }
  }
}

/**
 * For the rare writer that puts other bytes under an existing name (the integrity scrub's repair): the next
 * request opens the file again instead of reading the replaced one.
 */
export function forgetOpenFile (path: string) {
  const target = resolve(path)
  for (const [ key, entry ] of entries) if (resolve(key) === target) retire(key, entry)
}

async function openEntry (path: string): Promise<Entry> {
  const handle = await open(path, 'r')
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw Object.assign(new Error('Not a file'), { code: 'EISDIR' })
    return { handle, size: stat.size, mtime: stat.mtime, users: 0, expires: Date.now() + TTL_MS, evicted: false }
  } catch (err) {
    await handle.close().catch(() => undefined)
    throw err
  }
}

function retire (path: string, entry: Entry) {
  if (entries.get(path) === entry) entries.delete(path)
  entry.evicted = true
  closeIfUnused(entry)
}

function closeIfUnused (entry: Entry) {
  if (entry.evicted && entry.users === 0 && !entry.closed) {
    entry.closed = true
    void entry.handle.close().catch(() => undefined)
  }
}

/** Expired entries are closed even when nothing asks for their file again. */
setInterval(() => {
  const now = Date.now()
  for (const [ path, entry ] of entries) if (entry.expires < now) retire(path, entry)
}, TTL_MS).unref()
