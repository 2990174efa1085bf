import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { pushRtmp, type RtmpPush } from '../shared/live.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { logInThroughForm, playAndWaitForProgress } from './shared/pages.js'

/** What the HLS engine publishes for a live (see client/src/player/hls-engine.ts). */
interface LiveProbe { latencyMode: number, sourceUrl: string, playingDate: () => number | null }

// A streamer creates a live from the "Go live" page and pushes to the RTMP URL and key it shows; a viewer who
// opened the page before the stream sees it wait, then play (live badge, viewer count), then end.

describe('The live pages in a browser', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let streamer: ViewerPage
  let viewer: ViewerPage
  let push: RtmpPush | undefined
  let uuid: string
  let ingestUrl: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    await Promise.all([ instance.flushAndStart(), launchBrowser().then(b => { browser = b }) ])
    streamer = await ViewerPage.open(browser, instance.url)
    viewer = await ViewerPage.open(browser, instance.url)
  })

  after(async function () {
    push?.stop()
    await browser?.close()
    await instance.stop()
  })

  it('creates a live from the "Go live" page, which shows the RTMP URL and the stream key', async function () {
    const { page } = streamer
    await logInThroughForm(page, 'root', instance.rootPassword)
    await page.getByTestId('nav-go-live').click()
    await page.getByTestId('live-name').fill('Live from the browser')
    await page.getByTestId('live-latency').selectOption('1')
    await page.getByTestId('live-create').click()

    const rtmpUrl = await page.getByTestId('live-rtmp-url').inputValue()
    const streamKey = await page.getByTestId('live-stream-key').inputValue()
    expect(rtmpUrl).to.equal(`rtmp://localhost:${instance.rtmpPort}/live`)
    expect(streamKey).to.match(/^[0-9a-f-]{36}$/)
    ingestUrl = `${rtmpUrl.replace('localhost', '127.0.0.1')}/${streamKey}`

    await page.getByTestId('go-live-watch').click()
    await page.getByTestId('live-waiting').waitFor()
    uuid = (await page.getByTestId('watch-page').getAttribute('data-uuid'))!
    // The owner finds the streaming settings on the live's page too.
    await page.getByTestId('live-owner-settings').locator('summary').click()
    expect(await page.getByTestId('live-stream-key').inputValue()).to.equal(streamKey)
  })

  it('shows a waiting live, then plays it when the stream arrives, with the live badge and the viewer count', async function () {
    const { page } = viewer
    await page.goto(`/videos/watch/${uuid}`)
    await page.getByTestId('live-waiting').waitFor()
    expect(await page.getByTestId('live-owner-settings').count()).to.equal(0)

    push = pushRtmp(ingestUrl, { seconds: 60 })
    await page.getByTestId('live-badge').waitFor({ timeout: 20_000 })
    await playAndWaitForProgress(page, 3, 30_000)
    expect(await page.getByTestId('video-player').getAttribute('data-engine')).to.equal('hls')

    const probe = await page.evaluate(() => {
      const live = (globalThis as unknown as { __tubelessLive?: LiveProbe }).__tubelessLive
      return live ? { latencyMode: live.latencyMode, sourceUrl: live.sourceUrl, behindMs: Date.now() - (live.playingDate() ?? 0) } : undefined
    })
    expect(probe?.latencyMode).to.equal(1)
    expect(probe?.sourceUrl).to.match(new RegExp(`^${instance.url}/static/streaming-playlists/hls/${uuid}/`))
    // Program date times come from the ingest clock: what plays is seconds behind real time, not minutes.
    expect(probe!.behindMs).to.be.within(0, 15_000)

    await waitUntil(async () => /^1 viewer$/.test(await page.getByTestId('live-viewers').innerText()), 25_000, 500)
  })

  it('lists the live with its badge while it streams', async function () {
    const { page } = streamer
    await page.goto('/')
    await page.locator(`[data-testid="video-card"][data-uuid="${uuid}"] [data-testid="video-card-live"]`).waitFor()
  })

  it('tells the viewer when the live ends', async function () {
    push!.stop()
    await push!.exited
    await viewer.page.getByTestId('live-ended').waitFor({ timeout: 25_000 })
    expect(await viewer.page.getByTestId('video-player').count()).to.equal(0)
    // The end of the stream may leave failed loads of playlists that were just removed.
    const expected = [ /Failed to load resource.*(404|\.m3u8|\.m4s)/ ]
    expect(viewer.unexpectedProblems(expected)).to.deep.equal([])
    expect(streamer.unexpectedProblems(expected)).to.deep.equal([])
  })
})
