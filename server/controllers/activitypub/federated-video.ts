import type { Request, Response } from 'express'
import { toFullUuid } from '../../helpers/uuid.js'
import { loadFederatedVideoByUuid } from '../../lib/videos/federated-video.js'
import type { VideoLoadLevels } from '../../models/video/queries/video-finders.js'
import type { VideoModel } from '../../models/video/video.js'

export const WATCH_PATHS = [ '/videos/watch/:id', '/w/:id' ]

/**
 * The video a federated URL names (`:id` or `:videoId`, full or short UUID), if it is one that federates:
 * public or unlisted, published, and not blocked with `unfederate`. Anything else is a 404, as if it did not exist.
 */
export function loadFederatedVideo<L extends keyof VideoLoadLevels> (req: Request, level: L) {
  return loadFederatedVideoByUuid(toFullUuid(String(req.params.id ?? req.params.videoId)), level)
}

/** A remote video's documents live at its origin (PeerTube redirects there too). */
export function redirectIfRemote (video: VideoModel, res: Response) {
  if (!video.remote) return false
  res.redirect(301, video.url)
  return true
}
