import { toFullUuid } from '../../helpers/uuid.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import { detailsIncludes, summaryIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { notFound } from '../http-problems/http-problem.js'
import { canSeeVideo } from './video-access.js'

/** `id` is a numeric id, a UUID or a short UUID, as PeerTube accepts. */
export async function loadVideo (id: string, level: 'summary' | 'details') {
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  if (/^\d+$/.test(id)) return VideoModel.findByPk(parseInt(id, 10), { include })

  const uuid = toFullUuid(id)
  if (!uuid) return null
  return VideoModel.findOne({ where: { uuid }, include })
}

/** The video if this user may see it; a 404 otherwise, so private videos do not reveal that they exist. */
export async function loadVisibleVideo (id: string, user: AuthenticatedUser | undefined, level: 'summary' | 'details') {
  const video = await loadVideo(id, level)
  if (!video || !canSeeVideo(video, user)) throw notFound('Video not found')
  return video
}
