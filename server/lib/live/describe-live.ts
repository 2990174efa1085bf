import { toShortUuid } from '../../helpers/uuid.js'
import type { LiveVideo, LiveVideoSession } from '../../../shared/models/lives.js'
import type { VideoLiveModel } from '../../models/live/video-live.js'
import type { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { liveIngestUrls } from './live-settings.js'

/** PeerTube's `LiveVideo`: where and with which key to stream only for those who may stream (owner, moderators). */
export function describeLive (live: VideoLiveModel, withSecrets: boolean): LiveVideo {
  const secrets = withSecrets ? { ...liveIngestUrls(), streamKey: live.streamKey ?? undefined } : {}
  return {
    ...secrets,
    saveReplay: live.saveReplay,
    replaySettings: live.saveReplay && live.replayPrivacy !== null ? { privacy: live.replayPrivacy } : undefined,
    permanentLive: live.permanentLive,
    latencyMode: live.latencyMode
  }
}

/** PeerTube's `LiveVideoSession`. */
export function describeLiveSession (session: VideoLiveSessionModel): LiveVideoSession {
  const replay = session.ReplayVideo
  return {
    id: session.id,
    startDate: session.startDate.toISOString(),
    endDate: session.endDate ? session.endDate.toISOString() : null,
    error: session.error,
    saveReplay: session.saveReplay,
    endingProcessed: session.endingProcessed,
    replaySettings: session.saveReplay && session.replayPrivacy !== null ? { privacy: session.replayPrivacy } : undefined,
    replayVideo: replay ? { id: replay.id, uuid: replay.uuid, shortUUID: toShortUuid(replay.uuid) } : null
  }
}
