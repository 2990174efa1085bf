import { basename } from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import { ensureRemoteVideoImageOnDisk } from '../../lib/activitypub/videos/remote-video-images.js'

/**
 * Mounted before the static files: a remote video's miniature or preview not on disk yet is fetched from its
 * origin, then the static route serves it like any other image (an unknown file stays a 404 there).
 */
export function buildRemoteVideoImagesRouter () {
  const router = express.Router()

  const fetchIfRemote = (kind: 'miniature' | 'preview') => async (req: Request, _res: Response, next: NextFunction) => {
    await ensureRemoteVideoImageOnDisk(kind, basename(req.path)).catch(() => false)
    next()
  }

  router.get(`${LAZY_STATIC_PATHS.THUMBNAILS}:filename`, fetchIfRemote('miniature'))
  router.get(`${LAZY_STATIC_PATHS.PREVIEWS}:filename`, fetchIfRemote('preview'))
  return router
}
