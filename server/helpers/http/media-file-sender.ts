import { open } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { openCachedFile, type OpenFile } from './open-file-cache.js'

/**
 * Serves media files (web videos, HLS playlists and segments) from a folder: what express.static did for these
 * routes, with less work per request. WebSeeds and players ask for many ranges of the same big files, so:
 * - immutable files stay open a few seconds (open-file-cache.ts): a run of ranges of one file opens it once (send
 *   stats the path, then opens it again, for every range);
 * - the range is read in chunks of up to 1 MiB into pooled buffers (a read stream's default is 64 KiB: sixteen
 *   thread-pool round trips, sixteen socket writes and sixteen new buffers per MiB);
 * - single ranges only (players and WebSeeds send one); several ranges get the whole file, as send did.
 * The path must already be canonical (safeStaticPath): this only joins it to the folder and refuses dot files.
 * A missing file calls next() when `fallthrough` is set (another folder is tried), else answers 404 via next(err).
 */

export interface MediaFolderOptions {
  /** Cache-Control for the files (they are immutable, or revalidated). */
  cacheControl: (path: string) => string
  /** Whether a file never changes once written (its handle may be kept open a few seconds). */
  immutable: (path: string) => boolean
  fallthrough: boolean
}

const CHUNK_SIZE = 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mkv': 'video/x-matroska',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.ts': 'video/mp2t',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.json': 'application/json; charset=utf-8',
  '.torrent': 'application/x-bittorrent'
}

export class MediaFileNotFound extends Error {
  readonly status = 404
}

export function serveMediaFolder (root: string, options: MediaFolderOptions): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const path = decodeURIComponent(req.path)
    if (path.split('/').some(segment => segment.startsWith('.'))) return notFound(options, next)
    sendMediaFile(join(root, path), req, res, options).catch(err => {
      // A name too long for the file system, or a file where a folder was expected, names no file either.
      if ([ 'ENOENT', 'EISDIR', 'ENAMETOOLONG', 'ENOTDIR' ].includes(String((err as NodeJS.ErrnoException).code)) || err instanceof MediaFileNotFound) {
        return notFound(options, next)
      }
      next(err)
    })
  }
}

function notFound (options: MediaFolderOptions, next: NextFunction) {
  if (options.fallthrough) next()
  else next(new MediaFileNotFound('File not found'))
}

async function sendMediaFile (file: string, req: Request, res: Response, options: MediaFolderOptions) {
  const opened = await openMediaFile(file, options.immutable(file))
  let handedOver = false
  try {
    const stat = { size: opened.size, mtime: opened.mtime, mtimeMs: opened.mtime.getTime() }

    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
    const lastModified = stat.mtime.toUTCString()
    res.setHeader('Accept-Ranges', 'bytes')
    // A guard may have set it already (private files are never cached).
    if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', options.cacheControl(file))
    res.setHeader('ETag', etag)
    res.setHeader('Last-Modified', lastModified)
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')

    if (isNotModified(req, etag, stat.mtime)) {
      res.statusCode = 304
      res.end()
      return
    }

    const range = requestedRange(req, stat.size, etag, lastModified)
    if (range === 'unsatisfiable') {
      // A problem like every other 4xx (a player never asks for a range past the end).
      res.statusCode = 416
      res.setHeader('Content-Range', `bytes */${stat.size}`)
      res.setHeader('Content-Type', 'application/problem+json; charset=utf-8')
      res.end(JSON.stringify({ type: 'about:blank', title: 'Range Not Satisfiable', status: 416, detail: `The file has ${stat.size} bytes` }))
      return
    }
    const { start, end } = range ?? { start: 0, end: stat.size - 1 }
    res.statusCode = range ? 206 : 200
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${stat.size}`)
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)))
    if (req.method === 'HEAD' || end < start) {
      res.end()
      return
    }

    handedOver = true
    void pumpRange(opened, res, start, end)
      .catch(() => res.destroy())
      .finally(() => opened.release())
  } finally {
    if (!handedOver) opened.release()
  }
}

/**
 * Writes bytes start..end of the file: positional reads into pooled 1 MiB buffers (a shared handle must not be
 * closed by a stream), each buffer back in the pool once the socket has taken it, waiting for 'drain' when the
 * client reads slower than the disk.
 */
async function pumpRange (opened: OpenFile, res: Response, start: number, end: number) {
  let position = start
  while (position <= end) {
    if (res.destroyed) return
    const length = Math.min(CHUNK_SIZE, end - position + 1)
    const buffer = takeBuffer()
    const { bytesRead } = await opened.handle.read(buffer, 0, length, position)
    if (bytesRead === 0) {
      // The file is shorter than its size said: the reply cannot be completed.
      giveBack(buffer)
      res.destroy()
      return
    }
    position += bytesRead
    const chunk = buffer.subarray(0, bytesRead)
    if (position > end) {
      res.end(chunk, () => giveBack(buffer))
      return
    }
    if (!res.write(chunk, () => giveBack(buffer))) {
      await new Promise<void>(resolve => {
        const done = () => {
          res.off('drain', done)
          res.off('close', done)
          resolve()
        }
        res.on('drain', done)
        res.on('close', done)
      })
    }
  }
}

// Read buffers are reused: a range reply allocates nothing once the pool is warm, and the pool is bounded.
const bufferPool: Buffer[] = []
const MAX_POOLED_BUFFERS = 32

function takeBuffer () {
  return bufferPool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE)
}

function giveBack (buffer: Buffer) {
  if (bufferPool.length < MAX_POOLED_BUFFERS) bufferPool.push(buffer)
}

/** Immutable files come from the open-file cache; others (playlists, rewritten in place) are opened each time. */
async function openMediaFile (path: string, immutable: boolean): Promise<OpenFile> {
  if (immutable) return openCachedFile(path)
  const handle = await open(path, 'r')
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new MediaFileNotFound('Not a file')
    return { handle, size: stat.size, mtime: stat.mtime, release: () => { void handle.close().catch(() => undefined) } }
  } catch (err) {
    await handle.close().catch(() => undefined)
    throw err
  }
}

function isNotModified (req: Request, etag: string, mtime: Date) {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch) return ifNoneMatch === '*' || ifNoneMatch.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))
  const ifModifiedSince = req.headers['if-modified-since']
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince)
    return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) <= Math.floor(since / 1000)
  }
  return false
}

/** One `bytes=` range of the file, undefined for the whole file (no range, several, or an If-Range that does not match). */
function requestedRange (req: Request, size: number, etag: string, lastModified: string): { start: number, end: number } | 'unsatisfiable' | undefined {
  const header = req.headers.range
  if (!header) return undefined
  const ifRange = req.headers['if-range']
  if (ifRange && ifRange !== etag && ifRange !== lastModified) return undefined

  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return header.includes(',') ? undefined : (/^bytes=/.test(header) ? 'unsatisfiable' : undefined)
  const [ , first, last ] = match
  if (first === '' && last === '') return 'unsatisfiable'

  let start: number
  let end: number
  if (first === '') {
    start = Math.max(0, size - Number(last))
    end = size - 1
  } else {
    start = Number(first)
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}
