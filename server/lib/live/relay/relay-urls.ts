import { CONFIG, WEBSERVER } from '../../../initializers/config/index.js'
import type { VideoModel } from '../../../models/video/video.js'
import { listLiveRelays } from './relay-registry.js'

export const LIVE_RELAY_PATH = '/static/live-relay/'

/** Where this instance relays a remote live: its players read the live here, and this is what the origin learns. */
export function relayBaseUrl (videoUuid: string) {
  return `${WEBSERVER.URL}${LIVE_RELAY_PATH}${videoUuid}/`
}

/** Whether this instance relays this video (a remote live, relays enabled). */
export function isRelayedHere (video: Pick<VideoModel, 'remote' | 'isLive'>) {
  return video.remote && video.isLive && CONFIG.live.relay.enabled
}

/**
 * PeerTube's `redundancies` of a live's HLS playlist: on a relay, the relay itself (players of this instance read
 * from it); on the origin, every relay that announced itself. The playlist URL stays the origin's: it is the
 * swarm id, so viewers of the origin and of every relay share segments.
 */
export function liveRedundancies (video: Pick<VideoModel, 'id' | 'uuid' | 'remote' | 'isLive'>) {
  if (!video.isLive) return []
  if (video.remote) return isRelayedHere(video) ? [ { baseUrl: relayBaseUrl(video.uuid) } ] : []
  return listLiveRelays(video.id).map(relay => ({ baseUrl: relay.playlistUrl.slice(0, relay.playlistUrl.lastIndexOf('/') + 1) }))
}
