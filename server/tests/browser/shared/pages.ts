import type { Page } from 'playwright-core'
import { waitUntil } from '../../shared/wait.js'

// Functions given to page.evaluate run in the browser. They stay free of inner named functions: the tsx loader
// would wrap those in a helper that exists only in Node. They also avoid DOM types, which the test build lacks.

/** What the player publishes on window.__tubelessP2PStats (see client/README.md). */
export interface P2PStats {
  engine: 'webtorrent' | 'hls' | 'http' | 'none'
  p2pEnabled: boolean
  peers: number
  downloadedFromPeers: number
  downloadedFromServer: number
  uploaded: number
  rejectedFromPeers: number
  resolution: number | null
}

/** The parts of an HTMLVideoElement the tests read. */
interface VideoElementLike {
  currentTime: number
  duration: number
  paused: boolean
  muted: boolean
  buffered: { length: number, end (index: number): number }
  play (): Promise<void>
}

export async function logInThroughForm (page: Page, username: string, password: string) {
  await page.goto('/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  // The header swaps "Log in" for the account name once the session is loaded.
  await page.getByTestId('nav-account').waitFor()
}

export async function p2pStats (page: Page): Promise<P2PStats | undefined> {
  return page.evaluate(() => (globalThis as unknown as { __tubelessP2PStats?: P2PStats }).__tubelessP2PStats)
}

export interface PlaybackState {
  currentTime: number
  bufferedEnd: number
  duration: number
  paused: boolean
}

export async function playbackState (page: Page): Promise<PlaybackState> {
  return page.getByTestId('video-player').evaluate((element: VideoElementLike) => ({
    currentTime: element.currentTime,
    bufferedEnd: element.buffered.length !== 0 ? element.buffered.end(element.buffered.length - 1) : 0,
    duration: element.duration,
    paused: element.paused
  }))
}

/** Starts the player (muted, as autoplay policies want) and waits until its position has moved `seconds`. */
export async function playAndWaitForProgress (page: Page, seconds: number, timeoutMs = 30_000) {
  const video = page.getByTestId('video-player')
  await video.waitFor()
  const play = () => video.evaluate((element: VideoElementLike) => {
    element.muted = true
    element.play().catch(() => undefined)
  })
  await play()
  const start = (await playbackState(page)).currentTime
  return waitUntil(async () => {
    const state = await playbackState(page)
    // play() is refused while no engine has attached a source yet: ask again.
    if (state.paused) await play()
    return state.currentTime - start >= seconds ? state : false
  }, timeoutMs, 250)
}

/**
 * Records every value the upload progress bar shows, from now on, on window.__uploadProgressValues: uploads on
 * loopback can be too quick for polling to see the intermediate steps.
 */
export async function recordUploadProgress (page: Page) {
  await page.evaluate(`(() => {
    const values = window.__uploadProgressValues = []
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="upload-progress"]')?.getAttribute('aria-valuenow')
      if (value !== null && value !== undefined && values[values.length - 1] !== Number(value)) values.push(Number(value))
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: [ 'aria-valuenow' ] })
  })()`)
}

export async function recordedUploadProgress (page: Page): Promise<number[]> {
  return page.evaluate(() => (globalThis as unknown as { __uploadProgressValues: number[] }).__uploadProgressValues)
}

/** Presses the player's play button (nothing is downloaded before) and waits for an engine to take the video. */
export async function startPlayback (page: Page, engine?: string) {
  await page.getByTestId('player-start').click()
  const selector = engine ? `[data-testid="video-player"][data-engine="${engine}"]` : '[data-testid="video-player"]:not([data-engine=""])'
  await page.locator(selector).waitFor()
}

export interface ScriptTransfer {
  url: string
  /** Bytes on the wire (compressed). */
  encodedBytes: number
  encoding: string | undefined
}

/**
 * Every script the page downloads while `during` runs, with its compressed size and Content-Encoding, as a
 * Lighthouse-style budget counts them.
 */
export async function recordScripts (page: Page, during: () => Promise<void>): Promise<ScriptTransfer[]> {
  const responses: import('playwright-core').Response[] = []
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script') responses.push(response)
  }
  page.on('response', onResponse)
  try {
    await during()
  } finally {
    page.off('response', onResponse)
  }
  return Promise.all(responses.map(async response => ({
    url: response.url(),
    encodedBytes: (await response.request().sizes()).responseBodySize,
    encoding: (await response.allHeaders())['content-encoding']
  })))
}
