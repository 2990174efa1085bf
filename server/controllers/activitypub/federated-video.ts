import type { Request, Response } from 'express'
import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { detailsIncludes, summaryIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'

export const WATCH_PATHS = [ '/videos/watch/:id', '/w/:id' ]

/**
 * The video a federated URL names (`:id` or `:videoId`, full or short UUID), if it is one that federates:
 * public or unlisted, published, and not blocked with `unfederate`. Anything else is a 404, as if it did not exist.
 */
export async function loadFederatedVideo (req: Request, level: 'summary' | 'details') {
  const uuid = toFullUuid(String(req.params.id ?? req.params.videoId))
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  const video = uuid ? await VideoModel.findOne({ where: { uuid }, include }) : null
  // Lives also federate while they wait for their stream and once ended.
  const federatedState = video && (video.state === VideoState.PUBLISHED ||
    (video.isLive && (video.state === VideoState.WAITING_FOR_LIVE || video.state === VideoState.LIVE_ENDED)))
  const visible = video && (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) && federatedState &&
    !video.VideoBlacklist?.unfederated
  if (!video || !visible) throw notFound('Video not found')
  return video
}

/** A remote video's documents live at its origin (PeerTube redirects there too). */
export function redirectIfRemote (video: VideoModel, res: Response) {
  if (!video.remote) return false
  res.redirect(301, video.url)
  return true
}
