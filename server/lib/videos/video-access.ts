import { UserRight } from '../../../shared/models/users.js'
import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import type { VideoModel } from '../../models/video/video.js'

export function isVideoOwner (video: VideoModel, user: AuthenticatedUser | undefined) {
  return !!user && video.VideoChannel?.Account?.userId === user.id
}

/**
 * Who may see a video: public and unlisted ones anyone (once published), internal ones any logged-in user,
 * private ones their owner; moderators see everything. Unpublished videos are their owner's until then.
 */
export function canSeeVideo (video: VideoModel, user: AuthenticatedUser | undefined) {
  if (isVideoOwner(video, user) || user?.hasRight(UserRight.SEE_ALL_VIDEOS)) return true
  if (video.state !== VideoState.PUBLISHED) return false

  switch (video.privacy) {
    case VideoPrivacy.PUBLIC:
    case VideoPrivacy.UNLISTED:
      return true
    case VideoPrivacy.INTERNAL:
      return !!user
    default:
      return false
  }
}

export function canUpdateVideo (video: VideoModel, user: AuthenticatedUser) {
  return !video.remote && (isVideoOwner(video, user) || user.hasRight(UserRight.UPDATE_ANY_VIDEO))
}

export function canRemoveVideo (video: VideoModel, user: AuthenticatedUser) {
  return isVideoOwner(video, user) || user.hasRight(UserRight.REMOVE_ANY_VIDEO)
}
