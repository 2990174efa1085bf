import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoModel } from '../../models/video/video.js'
import { recordWatchingPosition } from '../history/watch-history.js'
import { noteLocalViewer } from '../live/viewers/live-viewers.js'
import { addView } from './video-views.js'

type WatchedVideo = Pick<VideoModel, 'id' | 'uuid' | 'remote' | 'url' | 'duration' | 'isLive'>

/**
 * A player says its viewer is watching (`POST /videos/{id}/views`, or PeerTube's older `PUT /videos/{id}/watching`).
 * On a live the position is the player's clock since it joined, not a point of the video (whose duration is 0), so
 * it is neither checked against the duration nor kept as a resume position: the viewer is counted as watching now.
 */
export async function recordWatching (video: WatchedVideo, user: AuthenticatedUser | undefined, ip: string, currentTime: number | undefined) {
  if (!video.isLive) await recordWatchingPosition(user, video, currentTime)
  await addView(video, ip)
  if (video.isLive) await noteLocalViewer(video, ip)
}
