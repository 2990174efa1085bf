import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { UserVideoHistoryModel } from '../../models/user/user-video-history.js'
import type { VideoModel } from '../../models/video/video.js'
import { invalidField } from '../http-problems/http-problem.js'

/** Positions past the end by this much are still accepted (players report the end a little late). */
const END_TOLERANCE_SECONDS = 2

/**
 * The player tells where the viewer is: kept for a logged-in user whose history is on (their setting), so the
 * next visit resumes there. A position outside the video is a 400 on `currentTime`.
 */
export async function recordWatchingPosition (user: AuthenticatedUser | undefined, video: Pick<VideoModel, 'id' | 'duration'>, currentTime: number | undefined) {
  if (currentTime === undefined) return
  if (currentTime > video.duration + END_TOLERANCE_SECONDS) {
    throw invalidField('body', 'currentTime', `Should be a time within the video (0 to ${video.duration} seconds)`, currentTime)
  }
  if (!user || !user.videosHistoryEnabled) return
  await UserVideoHistoryModel.record(user.id, video.id, Math.floor(currentTime))
}

/** `userHistory` of PeerTube's Video, for the videos the user watched. */
export async function withUserHistory<T extends { id: number }> (user: AuthenticatedUser | undefined, videos: T[]) {
  if (!user || videos.length === 0) return videos
  const positions = await UserVideoHistoryModel.loadPositions(user.id, videos.map(v => v.id))
  return videos.map(video => positions.has(video.id) ? { ...video, userHistory: { currentTime: positions.get(video.id)! } } : video)
}
