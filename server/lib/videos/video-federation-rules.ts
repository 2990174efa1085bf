import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import type { VideoModel } from '../../models/video/video.js'

/** Public and unlisted local videos federate once published (PeerTube also federates unlisted ones). */
export function isVideoFederated (video: Pick<VideoModel, 'privacy' | 'state' | 'remote'>) {
  return !video.remote &&
    (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) &&
    // Lives also federate while they wait for their stream and once ended (PeerTube's rule).
    (video.state === VideoState.PUBLISHED || video.state === VideoState.WAITING_FOR_LIVE || video.state === VideoState.LIVE_ENDED)
}
