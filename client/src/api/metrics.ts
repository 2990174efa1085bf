// Playback stats for the instance's metrics (PeerTube's POST /api/v1/metrics/playback).
import type { PlaybackMetricCreate } from '../../../shared/models/playback-metrics.js'
import { api } from './http.js'

export function sendPlaybackMetrics (report: PlaybackMetricCreate): Promise<void> {
  return api.post<void>('/metrics/playback', report)
}
