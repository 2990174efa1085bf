import type { Counter, Meter } from '@opentelemetry/api'
import type { PlaybackMetricCreate } from '../../../shared/models/playback-metrics.js'
import { PLAYBACK_PEERS_KEPT_INTERVALS } from '../../initializers/constants/metrics.js'
import { STANDARD_RESOLUTIONS } from '../../initializers/constants/transcoding.js'

interface PlaybackInstruments {
  errors: Counter
  resolutionChanges: Counter
  bufferStalled: Counter
  downloadedBytesHttp: Counter
  downloadedBytesP2p: Counter
  uploadedBytesP2p: Counter
}

let instruments: PlaybackInstruments | undefined
/** Last peer count of each player series, shown until it is PLAYBACK_PEERS_KEPT_INTERVALS old. */
const peers = new Map<string, { value: number, attributes: Record<string, string>, at: number }>()

/** PeerTube's playback counters and peers gauge, fed by the players' reports. */
export function buildPlaybackMetrics (meter: Meter, intervalMs: number) {
  const counter = (name: string, description: string) => meter.createCounter(name, { description })
  instruments = {
    errors: counter('peertube_playback_errors_count', 'Errors reported by players'),
    resolutionChanges: counter('peertube_playback_resolution_changes_count', 'Resolution changes reported by players'),
    bufferStalled: counter('peertube_playback_buffer_stalled_count', 'Times playback stalled because the buffer ran out, reported by players'),
    downloadedBytesHttp: counter('peertube_playback_http_downloaded_bytes', 'Bytes players downloaded over HTTP'),
    downloadedBytesP2p: counter('peertube_playback_p2p_downloaded_bytes', 'Bytes players downloaded from peers'),
    uploadedBytesP2p: counter('peertube_playback_p2p_uploaded_bytes', 'Bytes players uploaded to peers')
  }

  meter.createObservableGauge('peertube_playback_p2p_peers', { description: 'Peers connected to players, as last reported' })
    .addCallback(result => {
      const oldest = Date.now() - PLAYBACK_PEERS_KEPT_INTERVALS * intervalMs
      for (const [ key, entry ] of peers) {
        if (entry.at < oldest) peers.delete(key)
        else result.observe(entry.value, entry.attributes)
      }
    })
}

export function stopPlaybackMetrics () {
  instruments = undefined
  peers.clear()
}

export function playbackMetricsEnabled () {
  return instruments !== undefined
}

/** One player report, for a video the reporter may see. */
export function observePlayback (video: { uuid: string, remote: boolean }, report: PlaybackMetricCreate) {
  if (!instruments) return
  // Labels as PeerTube's. Resolution and fps come from the client: only standard values are kept as themselves, so a
  // client cannot create a series per number it invents.
  const attributes = {
    videoOrigin: video.remote ? 'remote' : 'local',
    playerMode: report.playerMode,
    resolution: labelOf(report.resolution, [ 0, ...STANDARD_RESOLUTIONS ]),
    fps: labelOf(report.fps === undefined ? undefined : Math.round(report.fps), [ 24, 25, 30, 48, 50, 60 ]),
    p2pEnabled: String(report.p2pEnabled),
    videoUUID: video.uuid
  }

  instruments.errors.add(report.errors, attributes)
  instruments.resolutionChanges.add(report.resolutionChanges, attributes)
  if (report.bufferStalled !== undefined) instruments.bufferStalled.add(report.bufferStalled, attributes)
  instruments.downloadedBytesHttp.add(report.downloadedBytesHTTP, attributes)
  instruments.downloadedBytesP2p.add(report.downloadedBytesP2P, attributes)
  instruments.uploadedBytesP2p.add(report.uploadedBytesP2P, attributes)

  if (report.p2pPeers !== undefined) {
    const key = JSON.stringify(attributes)
    peers.delete(key)
    peers.set(key, { value: report.p2pPeers, attributes, at: Date.now() })
  }
}

function labelOf (value: number | undefined, known: readonly number[]) {
  if (value === undefined) return 'unknown'
  return known.includes(value) ? String(value) : 'other'
}
