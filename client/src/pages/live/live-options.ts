// Choices shared by the "Go live" page and the live settings form.
import { LiveVideoLatencyMode } from '../../../../shared/models/lives.js'

export const LATENCY_OPTIONS = [
  { id: LiveVideoLatencyMode.DEFAULT, label: 'live.latency.default' },
  { id: LiveVideoLatencyMode.SMALL_LATENCY, label: 'live.latency.small' },
  { id: LiveVideoLatencyMode.HIGH_LATENCY, label: 'live.latency.high' }
] as const
