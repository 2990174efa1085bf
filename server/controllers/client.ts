import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import { fromRoot } from '../helpers/project-root.js'
import { servePrecompressed } from '../middlewares/compression.js'
import { notFound, serviceUnavailable } from '../lib/http-problems/http-problem.js'
import { indexHtmlFor } from '../lib/link-previews/index-html.js'

/** WebTorrent's streaming service worker: its URL decides its scope, so it lives at the site root. */
const STREAMING_WORKER_PATH = '/webtorrent-sw.js'

/**
 * The web client (client/dist): static assets, and index.html for every other GET that is not an API or static
 * file route, so deep links like /videos/watch/:uuid open the single-page app.
 */
export function buildClientRouter () {
  const router = express.Router()
  const dist = fromRoot('client', 'dist')
  const index = join(dist, 'index.html')

  // Always revalidated, so a new client version replaces the worker; never the SPA page in its place.
  router.get(STREAMING_WORKER_PATH, (_req: Request, res: Response, next: NextFunction) => {
    res.sendFile(join(dist, STREAMING_WORKER_PATH), {
      dotfiles: 'deny',
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/' }
    }, err => {
      if (err && !res.headersSent) next(notFound('The web client is not built: run `npm run build`.'))
    })
  })

  // Vite names bundles after their content hash: cache them for good. The build also writes .br and .gz copies.
  router.use('/assets', servePrecompressed(join(dist, 'assets'), { maxAge: '365d', immutable: true }))
  router.use('/assets', express.static(join(dist, 'assets'), { index: false, maxAge: '365d', immutable: true }))
  router.use('/client', express.static(dist, { index: false, maxAge: '30d', immutable: true }))
  router.use(express.static(dist, { index: false, maxAge: '1h' }))

  // A missing bundle (e.g. a page loaded before a redeploy asks for an old chunk) must fail as a script load,
  // not receive index.html with a 200.
  router.get(/^\/(assets|client)\//, () => {
    throw notFound('No such file of the web client')
  })

  router.get(/^\/(?!api\/|static\/|lazy-static\/|download\/|tracker\/|\.well-known\/).*/, async (req: Request, res: Response) => {
    if (!existsSync(index)) throw serviceUnavailable('The web client is not built: run `npm run build`.')
    // Watch, channel and account pages carry their link preview tags (OpenGraph, Twitter, JSON-LD) in the head.
    res.set('Cache-Control', 'no-cache').type('html').send(await indexHtmlFor(index, req.path))
  })

  return router
}
