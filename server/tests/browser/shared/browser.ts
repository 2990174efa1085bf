import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'
import { fromRoot } from '../../../helpers/project-root.js'

/** Debian's Chromium (installed by `node scripts/setup.mjs --with-browser`). */
const CHROMIUM_PATH = process.env.TUBELESS_CHROMIUM ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--mute-audio',
  '--autoplay-policy=no-user-gesture-required',
  // WebRTC between pages on loopback: allow loopback candidates and show real addresses (no mDNS names).
  '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
  // In a namespace that has only `lo`, Chromium gathers ICE candidates only for pages holding a media
  // permission; fake devices grant it without prompts (see PAGE_INIT_SCRIPT).
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'
]

/** Runs in every page before its own scripts: takes (and drops) the microphone so ICE gathering works. */
const PAGE_INIT_SCRIPT = `
  if (window.isSecureContext && navigator.mediaDevices && window.top === window) {
    navigator.mediaDevices.getUserMedia({ audio: true })
      .then(stream => stream.getTracks().forEach(track => track.stop()))
      .catch(() => undefined)
  }
`

/**
 * Every Content-Security-Policy refusal, in any frame, becomes a console error (so every test's "no console error"
 * check also proves the client works under its CSP), and is kept on window.__cspViolations.
 */
const REPORT_CSP_VIOLATIONS_SCRIPT = `
  window.__cspViolations = []
  document.addEventListener('securitypolicyviolation', event => {
    const text = 'CSP violation: ' + event.violatedDirective + ' refused ' + (event.blockedURI || 'inline code') + ' in ' + location.pathname
    window.__cspViolations.push(text)
    console.error(text)
  })
`

/** Keeps the configuration of every RTCPeerConnection the page creates, to check which ICE servers it used. */
const RECORD_PEER_CONNECTIONS_SCRIPT = `
  if (window.RTCPeerConnection) {
    const Native = window.RTCPeerConnection
    const configs = window.__peerConnectionConfigs = []
    window.RTCPeerConnection = class extends Native {
      constructor (config, ...rest) {
        configs.push(JSON.parse(JSON.stringify(config ?? null)))
        super(config, ...rest)
      }
    }
  }
`

export const SCREENSHOT_DIR = fromRoot('test-artifacts', 'screenshots')

export async function launchBrowser (): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`node scripts/setup.mjs --with-browser\` (or set TUBELESS_CHROMIUM)`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

export interface RTCConfigurationLike {
  iceServers?: { urls: string | string[] }[]
}

export interface ConsoleProblem {
  page: string
  text: string
}

/**
 * A browser tab with its own storage (cookies, localStorage, service workers), as a separate viewer, whose
 * console errors and uncaught exceptions are collected for `assertNoConsoleErrors`.
 */
export class ViewerPage {
  readonly problems: ConsoleProblem[] = []

  private constructor (readonly context: BrowserContext, readonly page: Page) {}

  static async open (browser: Browser, baseURL: string, options: { recordPeerConnections?: boolean, viewport?: { width: number, height: number } } = {}) {
    const context = await browser.newContext({ baseURL, viewport: options.viewport ?? { width: 1280, height: 800 } })
    await context.grantPermissions([ 'microphone', 'camera' ], { origin: baseURL })
    await context.addInitScript(PAGE_INIT_SCRIPT)
    await context.addInitScript(REPORT_CSP_VIOLATIONS_SCRIPT)
    if (options.recordPeerConnections) await context.addInitScript(RECORD_PEER_CONNECTIONS_SCRIPT)
    const viewer = new ViewerPage(context, await context.newPage())
    // Workers (hls.js's, the WebTorrent service worker) log their CSP refusals in their own console.
    viewer.page.on('worker', worker => worker.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') viewer.problems.push({ page: worker.url(), text: describeConsoleError(message) })
    }))
    viewer.page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') viewer.problems.push({ page: viewer.page.url(), text: describeConsoleError(message) })
    })
    viewer.page.on('pageerror', err => viewer.problems.push({ page: viewer.page.url(), text: `Uncaught: ${err.message}` }))
    return viewer
  }

  /** Console errors other than the `expected` ones (e.g. a 4xx the test caused on purpose). */
  unexpectedProblems (expected: RegExp[] = []) {
    return this.problems.filter(problem => !expected.some(pattern => pattern.test(problem.text)))
  }

  /** RTCConfiguration of each peer connection made so far (needs `recordPeerConnections`). */
  async peerConnectionConfigs (): Promise<(RTCConfigurationLike | null)[]> {
    return this.page.evaluate(() => (globalThis as unknown as { __peerConnectionConfigs?: (RTCConfigurationLike | null)[] }).__peerConnectionConfigs ?? [])
  }

  async screenshot (name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const path = join(SCREENSHOT_DIR, `${name}.png`)
    await this.page.screenshot({ path, fullPage: true })
    return path
  }

  async close () {
    await this.context.close()
  }
}

/** Chromium logs failed loads as "Failed to load resource: ... 404": add the URL so tests can tell them apart. */
function describeConsoleError (message: ConsoleMessage) {
  const url = message.location().url
  return url && message.text().startsWith('Failed to load resource') ? `${message.text()} (${url})` : message.text()
}
