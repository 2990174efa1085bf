import type { LiveTraffic } from '../../../shared/models/lives.js'
import type { VideoModel } from '../../models/video/video.js'
import { listLiveRelays } from './relay/relay-registry.js'

// What the origin itself sent of each live (playlists, segments, parts, init segments, hashes), counted by the
// static routes while the live runs: the figure relays are meant to keep flat as viewers grow.

const traffic = new Map<string, { bytesSent: number, requests: number }>()

export function countLiveBytes (videoUuid: string, bytes: number) {
  const entry = traffic.get(videoUuid) ?? { bytesSent: 0, requests: 0 }
  entry.bytesSent += bytes
  entry.requests++
  traffic.set(videoUuid, entry)
}

export function resetLiveTraffic (videoUuid: string) {
  traffic.delete(videoUuid)
}

export async function describeLiveTraffic (video: Pick<VideoModel, 'id' | 'uuid'>): Promise<LiveTraffic> {
  const entry = traffic.get(video.uuid) ?? { bytesSent: 0, requests: 0 }
  return { ...entry, relays: listLiveRelays(video.id) }
}
