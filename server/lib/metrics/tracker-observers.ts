import type { Meter } from '@opentelemetry/api'
import type { EmbeddedTracker } from '../tracker/tracker.js'

/** PeerTube's tracker gauges: info hashes with peers, without, and peers. */
export function buildTrackerObservers (meter: Meter, tracker: EmbeddedTracker) {
  const active = meter.createObservableGauge('peertube_bittorrent_tracker_active_infohashes_total', { description: 'Info hashes with peers in the embedded tracker' })
  const inactive = meter.createObservableGauge('peertube_bittorrent_tracker_inactive_infohashes_total', { description: 'Info hashes without peers in the embedded tracker' })
  const peers = meter.createObservableGauge('peertube_bittorrent_tracker_peers_total', { description: 'Peers announced to the embedded tracker' })

  meter.addBatchObservableCallback(result => {
    const counts = tracker.counts()
    result.observe(active, counts.activeInfoHashes)
    result.observe(inactive, counts.inactiveInfoHashes)
    result.observe(peers, counts.peers)
  }, [ active, inactive, peers ])
}
