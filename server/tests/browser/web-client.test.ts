import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, SCREENSHOT_DIR, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, generateBrowserClip, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm, playAndWaitForProgress, recordedUploadProgress, recordUploadProgress } from './shared/pages.js'

/** Upload bandwidth for the upload test, bytes/s: slow enough for the progress bar to show intermediate steps. */
const THROTTLED_UPLOAD_BYTES_PER_SECOND = 1_500_000

describe('Web client in a real browser: log in, upload, watch', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let viewer: ViewerPage
  let dir: string
  let clip: string
  let uuid: string

  before(async function () {
    // The player peers over WebRTC as soon as it plays, and Chromium may call home: loopback only.
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-client')
    ;[ clip ] = await Promise.all([
      generateBrowserClip(dir),
      instance.flushAndStart({ config: BROWSER_INSTANCE_CONFIG })
    ])
    browser = await launchBrowser()
    viewer = await ViewerPage.open(browser, instance.url)
  })

  after(async function () {
    if (viewer?.problems.length) console.log('    Console errors seen:', viewer.problems)
    console.log(`    Screenshots: ${SCREENSHOT_DIR}`)
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  it('serves the streaming service worker as JavaScript, not the single-page app', async function () {
    const res = await instance.api().get('/webtorrent-sw.js').expect(200)
    expect(res.headers['content-type']).to.match(/^text\/javascript/)
    expect(res.headers['cache-control']).to.equal('no-cache')
    expect(res.text).to.include('self.addEventListener')
    expect(res.text).not.to.include('<html')
  })

  it('answers a missing bundle with a 404, and any page route with the app', async function () {
    await instance.api().get('/assets/no-such-chunk.js').expect(404)
    const page = await instance.api().get('/videos/watch/some-uuid').expect(200)
    expect(page.text).to.include('<div id="app"')
  })

  it('logs in through the login form', async function () {
    const { page } = viewer
    await page.goto('/')
    await page.getByTestId('nav-login').click()
    await page.getByTestId('login-form').waitFor()
    await viewer.screenshot('login')
    await logInThroughForm(page, 'root', instance.rootPassword)
    expect(await page.getByTestId('nav-account').textContent()).to.include('root')
    await page.getByTestId('nav-upload').waitFor()
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('refuses a wrong password with a message on the form', async function () {
    const other = await ViewerPage.open(browser, instance.url)
    try {
      await other.page.goto('/login')
      await other.page.getByTestId('login-username').fill('root')
      await other.page.getByTestId('login-password').fill('not the password')
      await other.page.getByTestId('login-submit').click()
      await other.page.getByTestId('login-error').waitFor()
      // The refused token request is the only console error.
      expect(other.unexpectedProblems([ /status of 400 .*\/api\/v1\/users\/token/ ])).to.deep.equal([])
    } finally {
      await other.close()
    }
  })

  it('uploads a clip through the upload page: the progress bar climbs to 100 % and the video publishes when asked', async function () {
    const { page } = viewer
    await page.getByTestId('nav-upload').click()
    await page.getByTestId('upload-page').waitFor()
    await viewer.screenshot('upload')

    await recordUploadProgress(page)
    const cdp = await viewer.context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: THROTTLED_UPLOAD_BYTES_PER_SECOND
    })
    await page.getByTestId('upload-file-input').setInputFiles(clip)
    // The details are filled in while the file uploads.
    await page.getByTestId('video-name').fill('A clip uploaded from the browser')
    await page.locator('[data-testid="upload-progress-box"][data-state="done"]').waitFor({ timeout: 30_000 })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await cdp.detach()

    const values = await recordedUploadProgress(page)
    expect(values[values.length - 1]).to.equal(100)
    expect(values.some(value => value > 0 && value < 100), `progress steps: ${values.join(', ')}`).to.equal(true)
    expect([ ...values ].sort((a, b) => a - b)).to.deep.equal(values)
    expect(await page.getByTestId('upload-progress').getAttribute('aria-valuenow')).to.equal('100')

    await page.getByTestId('upload-publish').click()
    await page.getByTestId('upload-published').waitFor({ timeout: 60_000 })
    const href = await page.getByTestId('upload-watch-link').getAttribute('href')
    uuid = /\/videos\/watch\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1] as string
    expect(uuid, href ?? '').to.be.a('string')
    await viewer.screenshot('upload-done')
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('plays the uploaded video on its watch page: currentTime advances', async function () {
    // The page is published before transcoding ends; watch the final files.
    await waitForTranscodingEnd(instance, uuid)
    const { page } = viewer
    await page.getByTestId('upload-watch-link').click()
    await page.locator(`[data-testid="watch-page"][data-uuid="${uuid}"]`).waitFor()
    expect(await page.getByTestId('video-title').textContent()).to.equal('A clip uploaded from the browser')

    const state = await playAndWaitForProgress(page, 2)
    expect(state.currentTime).to.be.greaterThan(2)
    expect(await page.getByTestId('video-player').getAttribute('data-engine')).to.equal('hls')
    await viewer.screenshot('watch')
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('plays in an embed on another site: the CSP lets any page frame it, and hls.js, WebTorrent and its service worker work', async function () {
    // A page of another origin (127.0.0.1 rather than localhost) holding the embed, as a blog would.
    let currentMode = 'hls'
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(
        `<!doctype html><title>A blog</title><iframe id="embed" width="640" height="360" allow="autoplay" src="${instance.url}/videos/embed/${uuid}?mode=${currentMode}"></iframe>`
      )
    })
    await new Promise<void>(resolve => site.listen(0, '127.0.0.1', resolve))
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    const visitor = await ViewerPage.open(browser, siteUrl)
    try {
      for (const mode of [ 'hls', 'webtorrent' ]) {
        currentMode = mode
        await visitor.page.goto(siteUrl)
        const frame = visitor.page.frameLocator('#embed')
        // The player loads nothing until play is pressed.
        await frame.getByTestId('player-start').click()
        await frame.locator(`[data-testid="video-player"][data-engine="${mode}"]`).waitFor({ timeout: 30_000 })
        const embedFrame = visitor.page.frames().find(f => f.url().includes('/videos/embed/'))!
        const moved = await waitUntil(async () => {
          const time = await embedFrame.evaluate(`(() => { const v = document.querySelector('[data-testid="video-player"]'); v.muted = true; v.play().catch(() => {}); return v.currentTime })()`) as number
          return time > 1.5 ? time : false
        }, 30_000, 250)
        expect(moved, mode).to.be.greaterThan(1.5)
        expect(await embedFrame.evaluate('window.__cspViolations')).to.deep.equal([])
      }
      await visitor.screenshot('embed-on-another-site')
      expect(visitor.unexpectedProblems()).to.deep.equal([])
    } finally {
      await visitor.close()
      await new Promise(resolve => site.close(resolve))
    }
  })

  it('lists the video on the home page and in "My videos"', async function () {
    const { page } = viewer
    await page.getByTestId('home-link').click()
    await page.locator(`[data-testid="video-card"][data-uuid="${uuid}"]`).waitFor()
    await viewer.screenshot('home')

    await page.getByTestId('nav-my-videos').click()
    await page.locator(`[data-testid="my-video"][data-uuid="${uuid}"]`).waitFor()
    await viewer.screenshot('my-videos')
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('finds the video with the search box', async function () {
    const { page } = viewer
    await page.getByTestId('search-input').fill('browser')
    await page.getByTestId('search-input').press('Enter')
    await page.getByTestId('search-page').waitFor()
    await page.locator(`[data-testid="video-card"][data-uuid="${uuid}"]`).waitFor()
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('fits a phone-width screen: no page scrolls sideways, and the menu opens as a drawer', async function () {
    const phone = await ViewerPage.open(browser, instance.url, { viewport: { width: 360, height: 740 } })
    try {
      const paths = [ '/', `/videos/watch/${uuid}`, '/login', '/search?search=browser', '/about', '/signup', '/videos/overview', '/no/such/page' ]
      for (const path of paths) {
        await phone.page.goto(path)
        await phone.page.waitForLoadState('networkidle')
        const overflow = await phone.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
        expect(overflow, `${path} is ${overflow}px wider than the screen`).to.be.at.most(0)
      }
      await phone.page.goto(`/videos/watch/${uuid}`)
      await phone.screenshot('phone-watch')

      // The left menu is a drawer on phones: closed, opened by the menu button, closed again on the way to a page.
      expect(await phone.page.getByTestId('menu-trending').isVisible()).to.equal(false)
      await phone.page.getByTestId('menu-toggle').click()
      await phone.screenshot('phone-menu')
      await phone.page.getByTestId('menu-trending').click()
      await phone.page.getByTestId('home-trending').waitFor()
      // (A locator, not a string function: the CSP forbids eval, and Playwright's string predicates use it.)
      await phone.page.getByTestId('side-menu').waitFor({ state: 'hidden' })
      expect(phone.unexpectedProblems()).to.deep.equal([])
    } finally {
      await phone.context.close()
    }
  })

  it('is usable from the keyboard: Tab reaches the search box and the login link', async function () {
    const keyboard = await ViewerPage.open(browser, instance.url)
    try {
      await keyboard.page.goto('/')
      await keyboard.page.getByTestId('search-input').waitFor()
      const reached = new Set<string>()
      for (let i = 0; i < 25; i++) {
        await keyboard.page.keyboard.press('Tab')
        const id = await keyboard.page.evaluate<string>('document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? ""')
        reached.add(id)
      }
      expect([ ...reached ]).to.include('search-input')
      expect([ ...reached ].some(id => /login/.test(id))).to.equal(true)
    } finally {
      await keyboard.context.close()
    }
  })
})
