// Live P2P accounting shared by every engine: bytes from peers vs. from the server, upload, peers,
// speeds. Published to the stats panel and to `window.__tubelessP2PStats` for browser tests.
import { createStore } from '../lib/store.js'

export type EngineKind = 'webtorrent' | 'hls' | 'http'
export type ByteSource = 'peer' | 'server'

export interface P2PStats {
  engine: EngineKind | 'none'
  /** false when peer-to-peer is off (user setting, no WebRTC, HTTP engine). */
  p2pEnabled: boolean
  peers: number
  downloadedFromPeers: number
  downloadedFromServer: number
  uploaded: number
  /** Bytes per second over the last few seconds. */
  downloadSpeed: number
  uploadSpeed: number
  /** Pieces received from peers that failed the server's hash check (and were fetched again). */
  rejectedFromPeers: number
  /** Height of the resolution being played, null while unknown. */
  resolution: number | null
  /** Whether the user asked for automatic resolution. */
  autoResolution: boolean
  updatedAt: number
}

declare global {
  interface Window { __tubelessP2PStats?: P2PStats }
}

const WINDOW_SECONDS = 5

export function emptyStats (): P2PStats {
  return {
    engine: 'none',
    p2pEnabled: false,
    peers: 0,
    downloadedFromPeers: 0,
    downloadedFromServer: 0,
    uploaded: 0,
    downloadSpeed: 0,
    uploadSpeed: 0,
    rejectedFromPeers: 0,
    resolution: null,
    autoResolution: true,
    updatedAt: Date.now()
  }
}

export const statsStore = createStore<P2PStats>(emptyStats())

/** One per playback session: engines feed it, it publishes a snapshot every second. */
export class StatsTracker {
  private stats: P2PStats = emptyStats()
  private readonly downBuckets: number[] = new Array(WINDOW_SECONDS).fill(0)
  private readonly upBuckets: number[] = new Array(WINDOW_SECONDS).fill(0)
  private bucket = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private peerCounter: (() => number) | null = null

  start (engine: EngineKind, p2pEnabled: boolean): void {
    this.stats = { ...emptyStats(), engine, p2pEnabled }
    this.downBuckets.fill(0)
    this.upBuckets.fill(0)
    this.peerCounter = null
    this.stop()
    this.timer = setInterval(() => this.tick(), 1000)
    this.publish()
  }

  /** Engines that can count peers on demand register a counter instead of pushing updates. */
  countPeersWith (counter: () => number): void {
    this.peerCounter = counter
  }

  /** Verified bytes, counted in the totals and the speed. */
  addDownload (bytes: number, source: ByteSource): void {
    if (!(bytes > 0)) return
    this.addDownloadTotal(bytes, source)
    this.addDownloadSpeedSample(bytes)
  }

  /** For engines that learn about progress and verification separately (HLS: chunks vs. whole segments). */
  addDownloadTotal (bytes: number, source: ByteSource): void {
    if (!(bytes > 0)) return
    if (source === 'peer') this.stats.downloadedFromPeers += bytes
    else this.stats.downloadedFromServer += bytes
  }

  addDownloadSpeedSample (bytes: number): void {
    if (bytes > 0) this.downBuckets[this.bucket] += bytes
  }

  addRejectedFromPeers (): void {
    this.stats.rejectedFromPeers++
    this.publish()
  }

  addUpload (bytes: number): void {
    if (!(bytes > 0)) return
    this.stats.uploaded += bytes
    this.upBuckets[this.bucket] += bytes
  }

  /** This session's figures now (the store holds whichever session published last). */
  current (): P2PStats {
    return { ...this.stats }
  }

  /** Server bytes counted so far (the HTTP engine reports estimates as differences). */
  currentServerBytes (): number {
    return this.stats.downloadedFromServer
  }

  setPeers (peers: number): void {
    this.stats.peers = peers
    this.publish()
  }

  setResolution (height: number | null, auto: boolean): void {
    this.stats.resolution = height
    this.stats.autoResolution = auto
    this.publish()
  }

  setP2PEnabled (enabled: boolean): void {
    this.stats.p2pEnabled = enabled
    this.publish()
  }

  stop (): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private tick (): void {
    if (this.peerCounter) this.stats.peers = this.peerCounter()
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    this.stats.downloadSpeed = sum(this.downBuckets) / WINDOW_SECONDS
    this.stats.uploadSpeed = sum(this.upBuckets) / WINDOW_SECONDS
    this.bucket = (this.bucket + 1) % WINDOW_SECONDS
    this.downBuckets[this.bucket] = 0
    this.upBuckets[this.bucket] = 0
    this.publish()
  }

  private publish (): void {
    const snapshot = { ...this.stats, updatedAt: Date.now() }
    window.__tubelessP2PStats = snapshot
    statsStore.set(snapshot)
  }
}
