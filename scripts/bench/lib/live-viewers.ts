// Browser viewers of a live for the live benchmark: they open the watch page, play, and are sampled every 500 ms
// (latency from hls.js `playingDate`, P2P totals from the player's statistics).
import type { Browser } from 'playwright-core'
import { ViewerPage } from '../../../server/tests/browser/shared/browser.js'

export interface WatchResult {
  /** Wall clock minus the program date time of the frame shown, in ms. */
  latencies: number[]
  /** Samples taken while a viewer was paused or starving (not counted in the latencies). */
  stalledSamples: number
  /** What the origin sent during the window (all viewers, and the relay's fetches). */
  originBytes: number
  /** What the viewers got from their server (origin or relay) and from peers during the window. */
  fromServer: number
  fromPeers: number
  /** Per viewer: its samples of hls.js's latency controller during the window. */
  catchUp: CatchUp[][]
}

/** hls.js's latency controller as the page sees it (client/src/player/hls-engine.ts). */
export interface CatchUp { latency: number, targetLatency: number | null, maxLatency: number, playbackRate: number, forwardBuffer: number }

interface Sample { latency: number | null, playing: boolean, fromServer: number, fromPeers: number, catchUp: CatchUp | null, state: unknown }

const SAMPLE = `(() => {
  const video = document.querySelector('[data-testid="video-player"]')
  const live = window.__tubelessLive
  const stats = window.__tubelessP2PStats
  if (video && video.paused) { video.muted = true; video.play().catch(() => undefined) }
  const date = live ? live.playingDate() : null
  return {
    latency: date ? Date.now() - date : null,
    playing: !!video && !video.paused && video.readyState >= 3,
    fromServer: stats ? stats.downloadedFromServer : 0,
    fromPeers: stats ? stats.downloadedFromPeers : 0,
    catchUp: live && live.catchUp ? live.catchUp() : null,
    state: video ? { readyState: video.readyState, currentTime: video.currentTime } : null
  }
})()`

export function percentile (values: number[], p: number) {
  if (values.length === 0) return NaN
  const sorted = [ ...values ].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

export async function watchLive (options: {
  browser: Browser
  baseUrl: string
  uuid: string
  viewers: number
  warmupSeconds: number
  seconds: number
  originBytes: () => Promise<number>
  /** After the warm-up, the first viewer is set back this many seconds (a viewer that fell behind). */
  setBackSeconds?: number
}): Promise<WatchResult> {
  const pages = await Promise.all(Array.from({ length: options.viewers }, () => ViewerPage.open(options.browser, options.baseUrl)))
  try {
    if (process.env.BENCH_DEBUG) pages.forEach(p => p.page.on('console', m => console.log('[page]', m.type(), m.text())))
    await Promise.all(pages.map(p => p.page.goto(`/videos/watch/${options.uuid}?mode=hls`)))
    const sample = () => Promise.all(pages.map(p => p.page.evaluate(SAMPLE) as Promise<Sample>))
    const deadline = Date.now() + 60_000
    while (!(await sample()).every(s => s.playing && s.latency !== null)) {
      if (Date.now() > deadline) throw new Error('The viewers did not start playing within a minute')
      await sleep(500)
    }
    await sleep(options.warmupSeconds * 1000)
    if (options.setBackSeconds) {
      await pages[0].page.evaluate(`(() => { const v = document.querySelector('[data-testid="video-player"]'); v.currentTime -= ${options.setBackSeconds} })()`)
    }

    const originBefore = await options.originBytes()
    const first = await sample()
    const result: WatchResult = { latencies: [], stalledSamples: 0, originBytes: 0, fromServer: 0, fromPeers: 0, catchUp: pages.map(() => []) }
    let last = first
    const end = Date.now() + options.seconds * 1000
    while (Date.now() < end) {
      await sleep(500)
      last = await sample()
      if (process.env.BENCH_DEBUG) console.log(JSON.stringify(last))
      last.forEach((s, i) => { if (s.catchUp) result.catchUp[i].push(s.catchUp) })
      for (const s of last) {
        if (s.playing && s.latency !== null) result.latencies.push(s.latency)
        else result.stalledSamples++
      }
    }
    result.originBytes = await options.originBytes() - originBefore
    last.forEach((s, i) => {
      result.fromServer += s.fromServer - first[i].fromServer
      result.fromPeers += s.fromPeers - first[i].fromPeers
    })
    return result
  } finally {
    await Promise.all(pages.map(p => p.close().catch(() => undefined)))
  }
}
