import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import type { VideoModel } from '../../models/video/video.js'
import { isConvertingReplay } from '../videos/video-access.js'

/**
 * Whether a local video is a live's replay in conversion (`replayInPreparation: true` on GET /videos/{id}, a
 * Tubeless addition, absent otherwise), so that its page says "replay being prepared" and re-reads it until it
 * plays, whoever opens it and from wherever; other videos being transcoded are just not published yet. A local
 * live's end turns it into its replay (or ends it, when no replay could be made: it never sent a segment) in one
 * commit, so an ended local live has no replay coming. Remote videos: their origin does not say, so never.
 */
export async function isReplayInPreparation (video: Pick<VideoModel, 'id' | 'state' | 'waitTranscoding' | 'isLive' | 'remote'>) {
  return isConvertingReplay(video) && VideoLiveSessionModel.isReplay(video.id)
}
