// Decides which engines to try, in order, for a video in this browser. The first that starts wins;
// when one fails the player moves to the next (HTTP is always last).
import type { VideoDetails } from '../../../shared/models/client-video.js'
import type { EngineFactory } from './engine.js'
import { canUseMediaSource, createHlsEngine, hlsPlaylistOf } from './hls-engine.js'
import { createHttpEngine, playableFiles } from './http-engine.js'
import type { EngineKind } from './p2p-stats.js'
import { canUseStreamingWorker } from './service-worker.js'
import { createWebTorrentEngine, webVideoFiles } from './webtorrent-engine.js'

export const ENGINE_FACTORIES: Record<EngineKind, EngineFactory> = {
  hls: createHlsEngine,
  webtorrent: createWebTorrentEngine,
  http: createHttpEngine
}

export function hasWebRTC (): boolean {
  return typeof RTCPeerConnection !== 'undefined'
}

export interface EngineChoiceInput {
  details: VideoDetails
  /** User + instance allow peer-to-peer. */
  p2p: boolean
  /** `?mode=` override (tests, troubleshooting). */
  forced?: string | null
}

export function engineOrder ({ details, p2p, forced }: EngineChoiceInput): EngineKind[] {
  const canHls = !!hlsPlaylistOf(details.streamingPlaylists) && canUseMediaSource()
  const canTorrent = webVideoFiles(details.files ?? []).length > 0 && canUseStreamingWorker() && hasWebRTC()
  const canHttp = playableFiles(details).length > 0
  const peerToPeer = p2p && hasWebRTC()

  const order: EngineKind[] = []
  const push = (kind: EngineKind, possible: boolean) => { if (possible && !order.includes(kind)) order.push(kind) }

  if (forced === 'hls' || forced === 'webtorrent' || forced === 'http') {
    push(forced, { hls: canHls, webtorrent: canTorrent, http: canHttp }[forced])
  }
  if (peerToPeer) {
    // HLS first: adaptive bitrate, and its swarm is shared across resolutions.
    push('hls', canHls)
    push('webtorrent', canTorrent)
    push('http', canHttp)
  } else {
    // No WebRTC (or P2P refused): plain files, else HLS over HTTP only.
    push('http', canHttp)
    push('hls', canHls)
  }
  return order
}
