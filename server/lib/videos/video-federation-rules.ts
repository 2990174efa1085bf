import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import type { VideoModel } from '../../models/video/video.js'

/** Public and unlisted local videos federate once published (PeerTube also federates unlisted ones). */
export function isVideoFederated (video: Pick<VideoModel, 'privacy' | 'state' | 'remote'>) {
  return !video.remote &&
    (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) &&
    video.state === VideoState.PUBLISHED
}
