import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { constants as zlib } from 'node:zlib'
import compression from 'compression'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD_BYTES, preferredPrecompressed } from '../helpers/http/accept-encoding.js'

/**
 * Media, images (but SVG), archives and torrents are already compressed or binary: compressing them again costs CPU
 * and gains nothing. Server-sent events must reach the client as they are written, which a compressor would buffer.
 */
const NEVER_COMPRESSED = /^(video|audio|font)\/|^image\/(?!svg\+xml)|^text\/event-stream|^application\/(octet-stream|x-bittorrent|zip|gzip|x-brotli|pdf|wasm)/i
/** HLS playlists are text, but mime-db does not list them as compressible. */
const PLAYLISTS = /^application\/(vnd\.apple\.mpegurl|x-mpegurl)/i

function contentType (res: Response) {
  const value = res.getHeader('Content-Type')
  return typeof value === 'string' ? value : ''
}

/**
 * Whether a response may be compressed on the fly. A byte range is never compressed: its offsets address the file
 * itself (WebSeeds, HLS byte ranges, resumed downloads), and a compressed 206 would no longer match them.
 */
export function shouldCompress (req: Request, res: Response) {
  if (req.headers.range !== undefined || res.statusCode === 206 || res.getHeader('Content-Range') !== undefined) return false
  const type = contentType(res)
  if (NEVER_COMPRESSED.test(type)) return false
  if (PLAYLISTS.test(type)) return true
  return compression.filter(req, res)
}

/**
 * gzip or brotli (the client's preference, brotli when both are equal) for every compressible response, with
 * `Vary: Accept-Encoding`. Responses that already carry a Content-Encoding (precompressed assets) pass untouched.
 */
export function compressResponses (): RequestHandler {
  return compression({
    filter: shouldCompress,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }
  })
}

/**
 * Serves `<file>.br` or `<file>.gz`, written next to `<file>` at build time, to clients that accept them, with the
 * original's content type. Falls through to the plain file otherwise (and for ranges, which address the plain file).
 * Files found are remembered (the folder holds content-hashed build output that changes only with a new build);
 * misses are not, so requests for made-up names cannot grow the cache.
 */
export function servePrecompressed (root: string, options: { maxAge: string, immutable: boolean }): RequestHandler {
  const exists = new Set<string>()
  const fileExists = async (path: string) => {
    if (exists.has(path)) return true
    const found = await stat(path).then(s => s.isFile(), () => false)
    if (found) exists.add(path)
    return found
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range !== undefined) return next()
    let relative: string
    try {
      relative = normalize(decodeURIComponent(req.path))
    } catch {
      return next()
    }
    if (relative.split(sep).includes('..') || relative.includes('\0')) return next()

    const choice = preferredPrecompressed(req.headers['accept-encoding'])
    const file = join(root, relative)
    res.vary('Accept-Encoding')
    if (!choice || !await fileExists(file + choice.extension)) return next()

    res.setHeader('Content-Encoding', choice.encoding)
    // The type of what is inside, not of the .br/.gz wrapper.
    res.type(extname(file) || 'application/octet-stream')
    res.sendFile(file + choice.extension, { maxAge: options.maxAge, immutable: options.immutable, dotfiles: 'deny' }, err => {
      if (!err) return
      if (res.headersSent) return
      // Removed since the check (a rebuild): forget it and serve the plain file.
      exists.delete(file + choice.extension)
      res.removeHeader('Content-Encoding')
      next()
    })
  }
}
