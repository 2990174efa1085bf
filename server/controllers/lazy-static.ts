import { basename } from 'node:path'
import cors from 'cors'
import express, { type NextFunction, type Request, type Response } from 'express'
import { LAZY_STATIC_PATHS } from '../initializers/constants/static-paths.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'
import { actorImagesFolder } from '../lib/actor-images/actor-image-files.js'
import { safeStaticPath } from '../middlewares/safe-static-path.js'
import { captionsDir } from '../lib/captions/caption-files.js'
import { ensureRemoteCaptionOnDisk } from '../lib/captions/remote-captions.js'
import { storyboardsDir } from '../lib/storyboards/storyboard-files.js'
import { ensureRemoteStoryboardOnDisk } from '../lib/storyboards/remote-storyboards.js'
import { actorImageFromObjectStorage } from './object-storage-fallback.js'
import { buildRemoteVideoImagesRouter } from './activitypub/remote-video-images.js'
import { buildRemotePlaylistImagesRouter } from './activitypub/playlists.js'

/**
 * /lazy-static/avatars/ and /lazy-static/banners/: actor images, both kept in storage.avatars as PeerTube does.
 * File names are fresh UUIDs at every upload, so they can be cached for long. An unknown file is a 404 problem.
 */
export function buildLazyStaticRouter () {
  const router = express.Router()
  router.use('/lazy-static', safeStaticPath)
  // Not on disk: maybe in the avatars bucket (object storage), else a 404 problem.
  const serveActorImages = [ express.static(actorImagesFolder(), { maxAge: '2d', fallthrough: true, index: false, dotfiles: 'deny' }), actorImageFromObjectStorage() ]

  router.use(LAZY_STATIC_PATHS.AVATARS, cors(), ...serveActorImages)
  router.use(LAZY_STATIC_PATHS.BANNERS, cors(), ...serveActorImages)
  // Remote videos' images are fetched from their origin on first request, then served from disk (static.ts).
  router.use(buildRemoteVideoImagesRouter())
  router.use(buildRemotePlaylistImagesRouter())
  // Captions (WebVTT): remote ones are fetched from their origin on first request.
  router.use(LAZY_STATIC_PATHS.VIDEO_CAPTIONS, cors(), onlyReads, async (req, _res, next) => {
    await ensureRemoteCaptionOnDisk(basename(req.path)).catch(() => undefined)
    next()
  }, express.static(captionsDir(), {
    maxAge: '365d', immutable: true, fallthrough: false, index: false, dotfiles: 'deny',
    setHeaders: res => res.type('text/vtt; charset=utf-8')
  }))
  // Storyboards (JPEG sprite sheets): remote ones are fetched from their origin on first request.
  router.use(LAZY_STATIC_PATHS.STORYBOARDS, cors(), onlyReads, async (req, _res, next) => {
    await ensureRemoteStoryboardOnDisk(basename(req.path)).catch(() => undefined)
    next()
  }, express.static(storyboardsDir(), { maxAge: '365d', immutable: true, fallthrough: false, index: false, dotfiles: 'deny' }))
  return router
}

/**
 * express.static without fallthrough answers other methods itself, with an empty 405: a 405 problem instead
 * (found by the hostile fuzz of the declared non-API routes).
 */
function onlyReads (req: Request, _res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  next(new HttpProblem({ status: 405, detail: 'Only GET and HEAD are allowed here', headers: { Allow: 'GET, HEAD' } }))
}
