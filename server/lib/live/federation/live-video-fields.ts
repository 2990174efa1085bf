import type { Transaction } from 'sequelize'
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../../shared/models/lives.js'
import { VideoLiveModel } from '../../../models/live/video-live.js'
import type { VideoModel } from '../../../models/video/video.js'

// The live members of PeerTube's Video object: `isLiveBroadcast`, `liveSaveReplay`, `permanentLive`,
// `latencyMode` (null for a video that is not live), both ways.

export function liveFieldsOf (video: Pick<VideoModel, 'isLive' | 'VideoLive'>) {
  const live = video.VideoLive
  if (!video.isLive || !live) return { isLiveBroadcast: false, liveSaveReplay: null, permanentLive: null, latencyMode: null }
  return { isLiveBroadcast: true, liveSaveReplay: live.saveReplay, permanentLive: live.permanentLive, latencyMode: live.latencyMode }
}

export interface RemoteLiveData {
  saveReplay: boolean
  permanentLive: boolean
  latencyMode: LiveVideoLatencyModeType
}

const LATENCY_MODES = new Set<number>(Object.values(LiveVideoLatencyMode))

export function parseLiveFields (object: Record<string, unknown>): RemoteLiveData | undefined {
  if (object.isLiveBroadcast !== true) return undefined
  return {
    saveReplay: object.liveSaveReplay === true,
    permanentLive: object.permanentLive === true,
    latencyMode: typeof object.latencyMode === 'number' && LATENCY_MODES.has(object.latencyMode)
      ? object.latencyMode as LiveVideoLatencyModeType
      : LiveVideoLatencyMode.DEFAULT
  }
}

/** Our copy of a remote live's settings (no stream key: it streams on its origin), kept with its video. */
export async function syncRemoteLive (videoId: number, data: RemoteLiveData | undefined, transaction: Transaction) {
  const existing = await VideoLiveModel.findOne({ where: { videoId }, transaction })
  if (!data) {
    await existing?.destroy({ transaction })
    return
  }
  const values = { saveReplay: data.saveReplay, permanentLive: data.permanentLive, latencyMode: data.latencyMode, replayPrivacy: null }
  if (existing) await existing.update(values, { transaction })
  else await VideoLiveModel.create({ videoId, streamKey: null, ...values }, { transaction })
}
