// How the HLS engine plays a live: where it reads the stream (this instance's relay for a remote live, so each
// segment leaves the origin once per instance), how far behind the live edge it sits per latency mode, and
// whether viewers share segments (never in small-latency mode: there is no time to fetch from peers).
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'
import type { VideoDetails, VideoStreamingPlaylist } from '../../../shared/models/client-video.js'
import { getLive } from '../api/lives.js'

export interface LivePlayback {
  latencyMode: LiveVideoLatencyModeType
  /** The master playlist the player loads (the relay's copy when there is one here). */
  sourceUrl: string
  /** The segment hashes the player checks peer data against (from the same place as the segments). */
  segmentsSha256Url: string | null
  p2p: boolean
  /** hls.js settings for this mode. */
  hlsConfig: Record<string, unknown>
}

function fileName (url: string) {
  return url.slice(url.lastIndexOf('/') + 1)
}

/** Our own relay of a remote live, when this instance lists itself among the playlist's redundancies. */
function localRelayBase (details: VideoDetails, playlist: VideoStreamingPlaylist): string | undefined {
  if (details.isLocal !== false) return undefined
  return playlist.redundancies?.find(r => r.baseUrl.startsWith(`${window.location.origin}/`))?.baseUrl
}

const HLS_CONFIG: Record<LiveVideoLatencyModeType, Record<string, unknown>> = {
  // LL-HLS: hls.js follows the partial segments and the server's blocking reloads, holding back ~3 parts.
  [LiveVideoLatencyMode.SMALL_LATENCY]: { lowLatencyMode: true, liveSyncDurationCount: 1, maxLiveSyncPlaybackRate: 1.2, backBufferLength: 10 },
  // A few segments behind the edge: peers have time to share them.
  [LiveVideoLatencyMode.DEFAULT]: { lowLatencyMode: false, liveSyncDurationCount: 3, maxLiveSyncPlaybackRate: 1.1, backBufferLength: 30 },
  [LiveVideoLatencyMode.HIGH_LATENCY]: { lowLatencyMode: false, liveSyncDurationCount: 4, backBufferLength: 60 }
}

export async function livePlaybackOf (details: VideoDetails, playlist: VideoStreamingPlaylist): Promise<LivePlayback> {
  const settings = await getLive(details.uuid).catch(() => undefined)
  const latencyMode = settings?.latencyMode ?? LiveVideoLatencyMode.DEFAULT
  const relay = localRelayBase(details, playlist)
  const hashesUrl = playlist.segmentsSha256Url || null
  return {
    latencyMode,
    sourceUrl: relay ? relay + fileName(playlist.playlistUrl) : playlist.playlistUrl,
    segmentsSha256Url: relay && hashesUrl ? relay + fileName(hashesUrl) : hashesUrl,
    p2p: latencyMode !== LiveVideoLatencyMode.SMALL_LATENCY,
    hlsConfig: HLS_CONFIG[latencyMode] ?? HLS_CONFIG[LiveVideoLatencyMode.DEFAULT]
  }
}
