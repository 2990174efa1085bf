import { toFullUuid } from '../../helpers/uuid.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { findVideo, findVideoById, type VideoLoadLevels } from '../../models/video/queries/video-finders.js'
import { forbidden, notFound, unauthorized } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { isConvertingReplay, videoVisibility } from './video-access.js'

/** `id` is a numeric id, a UUID or a short UUID, as PeerTube accepts. */
export async function loadVideo<L extends keyof VideoLoadLevels> (id: string, level: L): Promise<VideoLoadLevels[L] | null> {
  if (isNumericId(id)) return findVideoById(parseInt(id, 10), level)

  const uuid = toFullUuid(id)
  if (!uuid) return null
  return findVideo({ uuid }, level)
}

/**
 * The video if this user may see it. A video that does not exist, or is not published yet (a live's replay in
 * conversion excepted), is a 404; one that exists but is not for this user is a 401 (log in) or a 403 (logged in),
 * as PeerTube answers.
 */
export async function loadVisibleVideo<L extends keyof VideoLoadLevels> (id: string, user: AuthenticatedUser | undefined, level: L): Promise<VideoLoadLevels[L]> {
  const video = await loadVideo(id, level)
  if (!video) throw notFound('Video not found')

  // Only a video that could be a replay in conversion costs the extra look-up.
  const isReplay = isConvertingReplay(video) && await VideoLiveSessionModel.isReplay(video.id)
  switch (videoVisibility(video, user, { byNumericId: isNumericId(id), isReplay })) {
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
