import type { Request, Response } from 'express'
import { pipeline } from 'node:stream/promises'
import { CONFIG } from '../../initializers/config/index.js'
import { notFound } from '../http-problems/http-problem.js'
import type { ObjectKind } from './object-storage-client.js'
import { readObject } from './object-storage-files.js'
import { presignedObjectUrl, publicObjectUrl } from './object-storage-urls.js'

// How a file kept in a bucket reaches a client that asked our routes for it. Public files: a redirect to the
// bucket's (or CDN's) URL. Private files, once our guard let the request through: proxied (the bucket's URL is
// never shown) or, without the proxy, a redirect to a presigned URL that works for a few minutes.

export async function sendObject (req: Request, res: Response, kind: ObjectKind, key: string, options: { isPrivate: boolean, downloadName?: string }) {
  if (!options.isPrivate && !options.downloadName) {
    res.redirect(302, publicObjectUrl(kind, key))
    return
  }
  if (options.isPrivate && !CONFIG.object_storage.proxy.proxify_private_files) {
    res.set('Cache-Control', 'private, no-store')
    res.redirect(302, await presignedObjectUrl(kind, key, { downloadName: options.downloadName }))
    return
  }
  await proxyObject(req, res, kind, key, options.downloadName)
}

/** Streams the object (byte ranges passed through) as if it were one of our static files. */
export async function proxyObject (req: Request, res: Response, kind: ObjectKind, key: string, downloadName?: string) {
  const range = typeof req.headers.range === 'string' && /^bytes=\d*-\d*$/.test(req.headers.range) ? req.headers.range : undefined
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  const object = await readObject(kind, key, { range, signal: controller.signal }).catch(err => {
    // A range past the end: answered as a static file would be.
    if ((err as { cause?: { $metadata?: { httpStatusCode?: number } } }).cause?.$metadata?.httpStatusCode === 416) return 'unsatisfiable' as const
    throw err
  })
  if (object === 'unsatisfiable') {
    res.status(416).end()
    return
  }
  if (!object) throw notFound('File not found')

  res.status(object.contentRange ? 206 : 200)
  res.set('Accept-Ranges', 'bytes')
  if (object.contentType) res.type(object.contentType)
  if (object.contentLength !== undefined) res.set('Content-Length', String(object.contentLength))
  if (object.contentRange) res.set('Content-Range', object.contentRange)
  if (object.etag) res.set('ETag', object.etag)
  if (object.lastModified) res.set('Last-Modified', object.lastModified.toUTCString())
  if (downloadName) res.attachment(downloadName)
  if (req.method === 'HEAD') {
    object.body.destroy()
    res.end()
    return
  }
  await pipeline(object.body, res).catch(() => undefined)
}
