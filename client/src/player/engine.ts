// What every playback engine offers the player UI.
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { t } from '../i18n/i18n.js'
import type { EngineKind, StatsTracker } from './p2p-stats.js'

/** Resolution ids are heights (240, 720...); AUTO lets the engine decide. */
export const AUTO_RESOLUTION = -1

export interface ResolutionOption {
  id: number
  label: string
}

export interface EngineContext {
  video: HTMLVideoElement
  details: VideoDetails
  stats: StatsTracker
  iceServers: RTCIceServer[]
  /** Peer-to-peer allowed by the user and the instance. */
  p2p: boolean
  /** The engine changed its list of resolutions or the one it plays. */
  onResolutionsChange: () => void
  /** Unrecoverable failure: the player falls back to the next engine. */
  onFatalError: (message: string) => void
}

export interface PlayerEngine {
  readonly kind: EngineKind
  resolutions (): ResolutionOption[]
  /** AUTO_RESOLUTION or a resolution id. */
  selectedResolution (): number
  /** The resolution actually playing, when known. */
  playingResolution (): number | null
  setResolution (id: number): void
  /** After a media error: switches to another copy of the same file (a mirror) when there is one. */
  tryAnotherCopy? (): boolean
  destroy (): void
}

export type EngineFactory = (context: EngineContext) => Promise<PlayerEngine>

export function resolutionLabel (height: number): string {
  return height === 0 ? t('player.audioOnly') : `${height}p`
}

interface PendingRestore { time: number; wasPlaying: boolean; listener: () => void }
const pendingRestores = new WeakMap<HTMLVideoElement, PendingRestore>()

/** Keeps position and play state across a source change (resolution switch on single-file engines).
 * Several quick switches keep the position of the first: the element reads 0 while a source loads. */
export function preservePlayback (video: HTMLVideoElement, change: () => void): void {
  const previous = pendingRestores.get(video)
  if (previous) video.removeEventListener('loadedmetadata', previous.listener)
  const time = previous ? previous.time : video.currentTime
  const wasPlaying = previous ? previous.wasPlaying : !video.paused
  change()
  const listener = () => {
    pendingRestores.delete(video)
    if (time > 0) video.currentTime = time
    if (wasPlaying) void video.play().catch(() => undefined)
  }
  pendingRestores.set(video, { time, wasPlaying, listener })
  video.addEventListener('loadedmetadata', listener, { once: true })
}

/** For engines without adaptive streaming: the smallest resolution that fills the element, else the best. */
export function pickAutoResolution (video: HTMLVideoElement, available: number[]): number {
  const candidates = available.filter(r => r > 0).sort((a, b) => a - b)
  if (candidates.length === 0) return available[0] ?? 0
  const wanted = Math.max(240, (video.clientHeight || 480) * (window.devicePixelRatio || 1))
  return candidates.find(r => r >= wanted) ?? candidates[candidates.length - 1]
}
