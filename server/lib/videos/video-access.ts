import { UserRight } from '../../../shared/models/users.js'
import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoModel } from '../../models/video/video.js'

export function isVideoOwner (video: VideoModel, user: AuthenticatedUser | undefined) {
  return !!user && video.VideoChannel?.Account?.userId === user.id
}

/**
 * What a user gets when asking for a video: 'visible', 'not-found' (unpublished videos of others do not reveal that
 * they exist), 'login-required' (anonymous, the video needs a user) or 'forbidden' (logged in, not allowed).
 */
export type VideoVisibility = 'visible' | 'not-found' | 'login-required' | 'forbidden'

export interface VideoVisibilityOptions {
  /**
   * The video was asked for by its numeric id. Ids are sequential, so anyone could walk them: an unlisted video
   * fetched that way is shown to its owner and moderators only, as PeerTube does. Its UUIDs are the secret to share.
   */
  byNumericId?: boolean
  /**
   * The video is a live's replay: while it converts (waitTranscoding off, as replays are) it stays visible to whoever
   * may see it, as PeerTube shows such videos, so that the live's viewers follow it to its replay.
   */
  isReplay?: boolean
}

/** A live's replay being converted: not published yet, but not hidden either. */
export function isConvertingReplay (video: Pick<VideoModel, 'state' | 'waitTranscoding' | 'isLive' | 'remote'>) {
  return !video.remote && !video.isLive && video.state === VideoState.TO_TRANSCODE && !video.waitTranscoding
}

/**
 * Who may see a video: public and unlisted ones anyone (once published and not blocked), internal ones any
 * logged-in user, private ones their owner; moderators see everything. Unpublished videos are their owner's until then,
 * except lives and a live's replay while it converts.
 */
export function videoVisibility (video: VideoModel, user: AuthenticatedUser | undefined, options: VideoVisibilityOptions = {}): VideoVisibility {
  if (isVideoOwner(video, user) || user?.hasRight(UserRight.SEE_ALL_VIDEOS)) return 'visible'
  // A live waiting for its stream, or over, has a page anyone may open (it says so), as with PeerTube.
  const liveWithoutStream = video.isLive && (video.state === VideoState.WAITING_FOR_LIVE || video.state === VideoState.LIVE_ENDED)
  const shownUnpublished = liveWithoutStream || (options.isReplay === true && isConvertingReplay(video))
  if (video.state !== VideoState.PUBLISHED && !shownUnpublished) return 'not-found'

  const ownerOnly = user ? 'forbidden' : 'login-required'
  // Blocked by a moderator (or auto-blocked until reviewed): its owner's and the moderators' only, as PeerTube.
  if (video.VideoBlacklist) return ownerOnly
  switch (video.privacy) {
    case VideoPrivacy.PUBLIC:
      return 'visible'
    case VideoPrivacy.UNLISTED:
      return options.byNumericId ? ownerOnly : 'visible'
    case VideoPrivacy.INTERNAL:
      return user ? 'visible' : 'login-required'
    default:
      return ownerOnly
  }
}

export function canSeeVideo (video: VideoModel, user: AuthenticatedUser | undefined, options: VideoVisibilityOptions = {}) {
  return videoVisibility(video, user, options) === 'visible'
}

export function canUpdateVideo (video: VideoModel, user: AuthenticatedUser) {
  return !video.remote && (isVideoOwner(video, user) || user.hasRight(UserRight.UPDATE_ANY_VIDEO))
}

export function canRemoveVideo (video: VideoModel, user: AuthenticatedUser) {
  return isVideoOwner(video, user) || user.hasRight(UserRight.REMOVE_ANY_VIDEO)
}
