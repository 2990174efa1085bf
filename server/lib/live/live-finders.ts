import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { VideoLiveModel } from '../../models/live/video-live.js'

// A live's settings and its sessions, as its API routes name them (by the live's video, or its replay's).

/** The live settings of this video; null when it is not a live. */
export function loadLiveOfVideo (videoId: number) {
  return VideoLiveModel.loadByVideoId(videoId)
}

export function listSessionsOfLive (liveVideoId: number) {
  return VideoLiveSessionModel.listOfLive(liveVideoId)
}

/** The session this video is the replay of; null when it is not a replay. */
export function loadSessionOfReplay (replayVideoId: number) {
  return VideoLiveSessionModel.loadOfReplay(replayVideoId)
}
