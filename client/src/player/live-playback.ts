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
  /** p2p-media-loader windows (seconds ahead of the playhead) for this mode. */
  p2pConfig: Record<string, number>
}

function fileName (url: string) {
  return url.slice(url.lastIndexOf('/') + 1)
}

/** Our own relay of a remote live, when this instance lists itself among the playlist's redundancies. */
function localRelayBase (details: VideoDetails, playlist: VideoStreamingPlaylist): string | undefined {
  if (details.isLocal !== false) return undefined
  return playlist.redundancies?.find(r => r.baseUrl.startsWith(`${window.location.origin}/`))?.baseUrl
}

/** The PART-HOLD-BACK the server's small-latency playlists declare (server/lib/live/ladder/live-media-playlist.ts). */
const SMALL_LATENCY_PART_HOLD_BACK = 1.65
/** Seconds behind the playlist's edge past which a small-latency viewer is moved back to it. */
const SMALL_LATENCY_MAX_BEHIND = 3.5

/** Default mode: seconds behind the playlist's edge (two 2 s segments), and past which a viewer is moved back. */
const DEFAULT_TARGET = 4
const DEFAULT_MAX_BEHIND = 8

/** High latency: seconds behind the edge (three 4 s segments), and past which a viewer is moved back. */
const HIGH_TARGET = 12
const HIGH_MAX_BEHIND = 20

const HLS_CONFIG: Record<LiveVideoLatencyModeType, Record<string, unknown>> = {
  // LL-HLS: half-second parts, blocking playlist reloads, the playlist's PART-HOLD-BACK (three parts of 0.55 s)
  // behind the newest part; a little faster playback catches up after a stall. hls.js only speeds up within one
  // segment of its target and never jumps on its own: a viewer that fell further behind (a slow start) stayed
  // there, so past SMALL_LATENCY_MAX_BEHIND it is moved back to the live edge.
  [LiveVideoLatencyMode.SMALL_LATENCY]: {
    lowLatencyMode: true,
    liveSyncDuration: SMALL_LATENCY_PART_HOLD_BACK,
    liveMaxLatencyDuration: SMALL_LATENCY_MAX_BEHIND,
    maxLiveSyncPlaybackRate: 1.1,
    backBufferLength: 10
  },
  // Two segments behind the edge: the newest one is fetched from a peer when one has it. hls.js only adjusts the
  // playback rate to its target in low-latency mode (these playlists have no parts nor blocking reloads, so that
  // is all the mode changes): without it each stall added for good to the delay, which grew until the 12 s jump
  // (p95 10.5 s). Now a viewer behind plays a little faster back to the target, and past DEFAULT_MAX_BEHIND
  // (the target and two segments) is moved to it.
  [LiveVideoLatencyMode.DEFAULT]: {
    lowLatencyMode: true,
    liveSyncDuration: DEFAULT_TARGET,
    liveMaxLatencyDuration: DEFAULT_MAX_BEHIND,
    maxLiveSyncPlaybackRate: 1.15,
    backBufferLength: 30
  },
  // Three segments behind: time for peers to share. The same catch-up as the default mode (without it, viewers sat
  // 17–25 s behind the edge instead of 12), moved back past the target and two segments.
  [LiveVideoLatencyMode.HIGH_LATENCY]: {
    lowLatencyMode: true,
    liveSyncDuration: HIGH_TARGET,
    liveMaxLatencyDuration: HIGH_MAX_BEHIND,
    maxLiveSyncPlaybackRate: 1.1,
    backBufferLength: 60
  }
}

// Only the segment about to play is urgent (fetched from the server if no peer has it); newer ones, a few
// seconds ahead, are taken from peers, one viewer at random fetching each from the server first.
const P2P_CONFIG: Record<LiveVideoLatencyModeType, Record<string, number>> = {
  [LiveVideoLatencyMode.SMALL_LATENCY]: {},
  [LiveVideoLatencyMode.DEFAULT]: { highDemandTimeWindow: 2, httpDownloadTimeWindow: 30, p2pDownloadTimeWindow: 30 },
  [LiveVideoLatencyMode.HIGH_LATENCY]: { highDemandTimeWindow: 5, httpDownloadTimeWindow: 60, p2pDownloadTimeWindow: 60 }
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
    hlsConfig: HLS_CONFIG[latencyMode] ?? HLS_CONFIG[LiveVideoLatencyMode.DEFAULT],
    p2pConfig: P2P_CONFIG[latencyMode] ?? {}
  }
}

interface TimedSegment { start: number; duration: number; programDateTime: number | null }
interface PlaylistTimeline { fragments: TimedSegment[]; partList?: { start: number; duration: number; fragment: TimedSegment }[] | null }

/**
 * The EXT-X-PROGRAM-DATE-TIME of the frame at `time` (ms), from the playlist the player reads: the segment
 * holding it, or, at the LL-HLS edge, the part holding it (whose segment is not complete yet).
 */
export function frameProgramDate (timeline: PlaylistTimeline | undefined, time: number): number | null {
  if (!timeline) return null
  const segment = timeline.fragments.find(f => time >= f.start && time < f.start + f.duration)
  if (segment?.programDateTime) return segment.programDateTime + (time - segment.start) * 1000
  const part = timeline.partList?.find(p => time >= p.start && time < p.start + p.duration)
  if (part?.fragment.programDateTime) return part.fragment.programDateTime + (time - part.fragment.start) * 1000
  // hls.js leaves the segment in progress undated: the newest dated segment before it, carried on.
  const before = [...timeline.fragments].reverse().find(f => f.programDateTime && f.start <= time)
  return before?.programDateTime ? before.programDateTime + (time - before.start) * 1000 : null
}
