// Reports playback stats to the instance when its metrics are on (server config openTelemetry.metrics): every
// playbackStatsInterval, what changed since the previous report — bytes from peers and from the server, bytes
// uploaded, resolution changes, stalls, errors — plus the peers and resolution now. Nothing is sent while metrics
// are off, nor for an interval in which nothing happened. Errors are ignored: metrics are a convenience.
import type { PlaybackMetricCreate, PlayerMode } from '../../../shared/models/playback-metrics.js'
import type { ServerConfig } from '../../../shared/models/client-server.js'
import { sendPlaybackMetrics } from '../api/metrics.js'
import { statsStore, type EngineKind, type P2PStats, type StatsTracker } from './p2p-stats.js'

const MIN_INTERVAL_MS = 1000

export interface PlaybackMetricsReporter {
  /** An error the engine could not get over (a media error, an engine failing): the player fell back or gave up. */
  addError (): void
  stop (): void
}

export function reportPlaybackMetrics (video: HTMLVideoElement, videoId: string, tracker: StatsTracker, config: ServerConfig | null): PlaybackMetricsReporter {
  const metrics = config?.openTelemetry?.metrics
  if (!metrics?.enabled) return { addError: () => {}, stop: () => {} }
  const interval = Math.max(MIN_INTERVAL_MS, metrics.playbackStatsInterval ?? 15_000)

  let sent = { peer: 0, server: 0, uploaded: 0 }
  let pending = { errors: 0, stalls: 0, resolutionChanges: 0 }
  let lastResolution: number | null = null
  let playedSinceReport = false

  // `waiting` while playing (not after a seek) is the buffer running out.
  const onWaiting = () => { if (!video.seeking && video.currentTime > 0) pending.stalls++ }
  const onPlaying = () => { playedSinceReport = true }
  video.addEventListener('waiting', onWaiting)
  video.addEventListener('timeupdate', onPlaying)

  // Every publication of the session is a chance to see the resolution change (ABR switches, the viewer's choice).
  const stopWatchingResolution = statsStore.subscribe(() => {
    const stats = tracker.current()
    if (stats.resolution === null) return
    if (lastResolution !== null && stats.resolution !== lastResolution) pending.resolutionChanges++
    lastResolution = stats.resolution
  })

  const send = () => {
    const stats = tracker.current()
    if (stats.engine === 'none') return
    // A new engine (fallback) starts its totals at zero again.
    if (stats.downloadedFromPeers < sent.peer || stats.downloadedFromServer < sent.server || stats.uploaded < sent.uploaded) {
      sent = { peer: 0, server: 0, uploaded: 0 }
    }
    const report = buildReport(stats, videoId, sent, pending)
    const nothingNew = !playedSinceReport && report.downloadedBytesHTTP === 0 && report.downloadedBytesP2P === 0 &&
      report.uploadedBytesP2P === 0 && report.errors === 0 && report.resolutionChanges === 0
    if (nothingNew) return

    sent = { peer: stats.downloadedFromPeers, server: stats.downloadedFromServer, uploaded: stats.uploaded }
    pending = { errors: 0, stalls: 0, resolutionChanges: 0 }
    playedSinceReport = false
    void sendPlaybackMetrics(report).catch(() => undefined)
  }
  const timer = setInterval(send, interval)

  return {
    addError: () => { pending.errors++ },
    stop: () => {
      clearInterval(timer)
      stopWatchingResolution()
      video.removeEventListener('waiting', onWaiting)
      video.removeEventListener('timeupdate', onPlaying)
      // What happened since the last report is not lost when the viewer leaves.
      send()
    }
  }
}

function buildReport (
  stats: P2PStats,
  videoId: string,
  sent: { peer: number; server: number; uploaded: number },
  pending: { errors: number; stalls: number; resolutionChanges: number }
): PlaybackMetricCreate {
  return {
    playerMode: playerModeOf(stats.engine as EngineKind),
    ...(stats.resolution !== null ? { resolution: stats.resolution } : {}),
    p2pEnabled: stats.p2pEnabled,
    p2pPeers: stats.peers,
    resolutionChanges: pending.resolutionChanges,
    bufferStalled: pending.stalls,
    errors: pending.errors,
    downloadedBytesP2P: Math.round(stats.downloadedFromPeers - sent.peer),
    downloadedBytesHTTP: Math.round(stats.downloadedFromServer - sent.server),
    uploadedBytesP2P: Math.round(stats.uploaded - sent.uploaded),
    videoId
  }
}

/** PeerTube's two modes: HLS with peers (p2p-media-loader) or a single file (web video, ours with or without WebTorrent). */
function playerModeOf (engine: EngineKind): PlayerMode {
  return engine === 'hls' ? 'p2p-media-loader' : 'web-video'
}
