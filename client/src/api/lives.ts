// /api/v1/videos/live: create a live, read its settings (RTMP URL and stream key for its owner).
import type { LiveVideo, LiveVideoLatencyModeType, LiveVideoSession } from '../../../shared/models/lives.js'
import { api, apiRequest } from './http.js'

export interface LiveCreate {
  name: string
  channelId: number
  privacy: number
  latencyMode: LiveVideoLatencyModeType
  saveReplay: boolean
  replayPrivacy?: number
  permanentLive: boolean
}

/** POST as multipart, as PeerTube's client does (thumbnails may ride along). */
export function createLive (live: LiveCreate): Promise<{ video: { id: number; uuid: string; shortUUID: string } }> {
  const form = new FormData()
  form.set('name', live.name)
  form.set('channelId', String(live.channelId))
  form.set('privacy', String(live.privacy))
  form.set('latencyMode', String(live.latencyMode))
  form.set('saveReplay', String(live.saveReplay))
  form.set('permanentLive', String(live.permanentLive))
  if (live.saveReplay) form.set('replaySettings[privacy]', String(live.replayPrivacy ?? live.privacy))
  return apiRequest('POST', '/videos/live', { form })
}

export function getLive (id: string | number): Promise<LiveVideo> {
  return api.get<LiveVideo>(`/videos/live/${encodeURIComponent(String(id))}`)
}

export interface LiveUpdate {
  saveReplay?: boolean
  replaySettings?: { privacy: number }
  permanentLive?: boolean
  latencyMode?: LiveVideoLatencyModeType
}

/** PUT /videos/live/{id}: the instance refuses it once the live has started. */
export function updateLive (id: string | number, update: LiveUpdate): Promise<void> {
  return api.put<void>(`/videos/live/${encodeURIComponent(String(id))}`, update)
}

export function listLiveSessions (id: string | number): Promise<{ total: number; data: LiveVideoSession[] }> {
  return api.get(`/videos/live/${encodeURIComponent(String(id))}/sessions`)
}
