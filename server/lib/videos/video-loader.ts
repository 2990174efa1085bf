import { toFullUuid } from '../../helpers/uuid.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { detailsIncludes, summaryIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { forbidden, notFound, unauthorized } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { videoVisibility } from './video-access.js'

/** `id` is a numeric id, a UUID or a short UUID, as PeerTube accepts. */
export async function loadVideo (id: string, level: 'summary' | 'details') {
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  if (isNumericId(id)) return VideoModel.findByPk(parseInt(id, 10), { include })

  const uuid = toFullUuid(id)
  if (!uuid) return null
  return VideoModel.findOne({ where: { uuid }, include })
}

/**
 * The video if this user may see it. A video that does not exist, or is not published yet, is a 404; one that
 * exists but is not for this user is a 401 (log in) or a 403 (logged in), as PeerTube answers.
 */
export async function loadVisibleVideo (id: string, user: AuthenticatedUser | undefined, level: 'summary' | 'details') {
  const video = await loadVideo(id, level)
  if (!video) throw notFound('Video not found')

  switch (videoVisibility(video, user, { byNumericId: isNumericId(id) })) {
    case 'visible':
      return video
    case 'login-required':
      throw unauthorized('You must be logged in to see this video')
    case 'forbidden':
      throw forbidden('You cannot see this video', ProblemCode.NOT_ALLOWED)
    default:
      throw notFound('Video not found')
  }
}

function isNumericId (id: string) {
  return /^\d+$/.test(id)
}
