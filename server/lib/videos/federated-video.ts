import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import { findVideo, type VideoLoadLevels } from '../../models/video/queries/video-finders.js'
import { notFound } from '../http-problems/http-problem.js'

/**
 * The video of this uuid if it is one that federates: public or unlisted, published, and not blocked with
 * `unfederate`. Anything else is a 404, as if it did not exist (the URLs of our ActivityPub documents).
 */
export async function loadFederatedVideoByUuid<L extends keyof VideoLoadLevels> (uuid: string | undefined, level: L): Promise<VideoLoadLevels[L]> {
  const video = uuid ? await findVideo({ uuid }, level) : null
  // Lives also federate while they wait for their stream and once ended.
  const federatedState = video && (video.state === VideoState.PUBLISHED ||
    (video.isLive && (video.state === VideoState.WAITING_FOR_LIVE || video.state === VideoState.LIVE_ENDED)))
  const visible = video && (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) && federatedState &&
    !video.VideoBlacklist?.unfederated
  if (!video || !visible) throw notFound('Video not found')
  return video
}
