import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { createLive, getLive, pushRtmp, rtmpUrlOf, type RtmpPush } from '../shared/live.js'
import { TestInstance } from '../shared/test-instance.js'
import { getVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { follow, waitForFollow } from '../federation/shared/follows.js'
import { waitForVideo } from '../federation/shared/remote-videos.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { logInThroughForm, playAndWaitForProgress, playbackState } from './shared/pages.js'

/** What the HLS engine publishes for a live (see client/src/player/hls-engine.ts). */
interface LiveProbe { latencyMode: number, sourceUrl: string, playingDate: () => number | null }

// A streamer creates a live from the "Go live" page, changes its settings, and pushes to the RTMP URL and key it
// shows; a viewer who opened the page (and an embed) before the stream sees it wait, then play (live badge, viewer
// count), then end; a viewer on a second instance, which follows the first, plays it through that instance's relay;
// the streamer finds the session listed. The watch page and an embed of a live that saves its
// replay follow it from waiting to live to its replay.

/** Over `ms`: how far the player moved (seconds) and how far behind real time it was at each half second (ms). */
async function sampleLivePlayback (page: Page, ms: number) {
  const startTime = (await playbackState(page)).currentTime
  const behind: number[] = []
  for (let waited = 0; waited < ms; waited += 500) {
    await new Promise(resolve => setTimeout(resolve, 500))
    behind.push(await page.evaluate(() => Date.now() - ((globalThis as unknown as { __tubelessLive?: LiveProbe }).__tubelessLive?.playingDate() ?? 0)))
  }
  return { played: (await playbackState(page)).currentTime - startTime, behind }
}

describe('The live pages in a browser', function () {
  const instance = new TestInstance(1)
  /** Follows `instance`: it relays its lives to its own viewers. */
  const relay = new TestInstance(2)
  let browser: Browser
  let streamer: ViewerPage
  let viewer: ViewerPage
  let embed: ViewerPage
  let push: RtmpPush | undefined
  let uuid: string
  let ingestUrl: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    await Promise.all([ instance.flushAndStart(), relay.flushAndStart(), launchBrowser().then(b => { browser = b }) ])
    await follow(relay, { hosts: [ instance.host ] })
    await waitForFollow(relay, 'following', instance.host, 'accepted')
    streamer = await ViewerPage.open(browser, instance.url)
    viewer = await ViewerPage.open(browser, instance.url)
    embed = await ViewerPage.open(browser, instance.url)
  })

  after(async function () {
    push?.stop()
    await browser?.close()
    await Promise.all([ instance.stop(), relay.stop() ])
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
    await page.getByTestId('live-sessions-empty').waitFor()
  })

  it('lets the owner change the live\'s settings while it waits (PUT /videos/live/{id})', async function () {
    const { page } = streamer
    await page.getByTestId('live-edit-latency').selectOption('3')
    await page.getByTestId('live-edit-save-replay').check()
    await page.getByTestId('live-edit-replay-privacy').selectOption('2')
    await page.getByTestId('live-edit-submit').click()
    await page.getByTestId('live-edit-saved').waitFor()
    expect(await getLive(instance, uuid)).to.deep.include({ latencyMode: 3, saveReplay: true, replaySettings: { privacy: 2 } })

    // And back to no replay, so this live ends as a live (the embed case below follows a replay).
    await page.getByTestId('live-edit-save-replay').uncheck()
    await page.getByTestId('live-edit-submit').click()
    await waitUntil(async () => (await getLive(instance, uuid)).saveReplay === false, 5_000, 100)
    expect((await getLive(instance, uuid)).latencyMode).to.equal(3)
    expect(await page.getByTestId('live-edit-latency').inputValue()).to.equal('3')
  })

  it('shows a waiting live, then plays it when the stream arrives, with the live badge and the viewer count', async function () {
    const { page } = viewer
    await page.goto(`/videos/watch/${uuid}`)
    await page.getByTestId('live-waiting').waitFor()
    expect(await page.getByTestId('live-owner-settings').count()).to.equal(0)
    await embed.page.goto(`/videos/embed/${uuid}`)
    await embed.page.getByTestId('embed-live-waiting').waitFor()

    push = pushRtmp(ingestUrl, { seconds: 60 })
    await page.getByTestId('live-badge').waitFor({ timeout: 20_000 })
    await playAndWaitForProgress(page, 3, 30_000)
    expect(await page.getByTestId('video-player').getAttribute('data-engine')).to.equal('hls')

    const probe = await page.evaluate(() => {
      const live = (globalThis as unknown as { __tubelessLive?: LiveProbe }).__tubelessLive
      return live ? { latencyMode: live.latencyMode, sourceUrl: live.sourceUrl, behindMs: Date.now() - (live.playingDate() ?? 0) } : undefined
    })
    // The latency mode the owner chose in the settings form.
    expect(probe?.latencyMode).to.equal(3)
    expect(probe?.sourceUrl).to.match(new RegExp(`^${instance.url}/static/streaming-playlists/hls/${uuid}/`))
    // Program date times come from the ingest clock: what plays is seconds behind real time, not minutes.
    expect(probe!.behindMs).to.be.within(0, 15_000)
    // Small latency plays LL-HLS parts (hls.js's low-latency mode, blocking reloads) and settles at the live edge:
    // the median of the last five looks is under the 4 s goal.
    const partsLoaded = await page.evaluate(() => performance.getEntriesByType('resource').filter(e => /-\d+\.\d+\.m4s(\?|$)/.test(e.name)).length)
    expect(partsLoaded).to.be.above(0)
    const behind: number[] = []
    await waitUntil(async () => {
      behind.push(await page.evaluate(() => Date.now() - ((globalThis as unknown as { __tubelessLive?: LiveProbe }).__tubelessLive?.playingDate() ?? 0)))
      const recent = behind.slice(-5).sort((a, b) => a - b)
      return recent.length === 5 && recent[2] < 4_000
    }, 20_000, 500).catch(() => { throw new Error(`Not at the live edge: ${behind.map(ms => (ms / 1000).toFixed(1)).join(' ')} s behind`) })
    // And it stays there, playing on (hls.js's timeline used to slide back a segment on every reload, and froze).
    const steady = await sampleLivePlayback(page, 6_000)
    expect(steady.played, JSON.stringify(steady)).to.be.above(5)
    expect(Math.max(...steady.behind), JSON.stringify(steady)).to.be.below(5_000)

    await waitUntil(async () => /^1 viewer$/.test(await page.getByTestId('live-viewers').innerText()), 25_000, 500)
    // The embed opened before the stream plays it too; the owner's settings are locked while it streams.
    await playAndWaitForProgress(embed.page, 1, 20_000)
    await streamer.page.getByTestId('live-edit-locked').waitFor({ timeout: 10_000 })
    expect(await streamer.page.getByTestId('live-edit-submit').isDisabled()).to.equal(true)
  })

  it('plays it on the second instance through that instance\'s relay, every file read from the relay', async function () {
    await waitForVideo(relay, uuid, v => v.state?.id === 1 && v.streamingPlaylists?.length === 1, 20_000)
    const remoteViewer = await ViewerPage.open(browser, relay.url)
    const mediaRequests: string[] = []
    remoteViewer.page.on('request', request => { if (/\.(m3u8|m4s|mp4)(\?|$)/.test(request.url())) mediaRequests.push(request.url()) })
    try {
      await remoteViewer.page.goto(`/videos/watch/${uuid}`)
      await playAndWaitForProgress(remoteViewer.page, 2, 30_000)
      const sourceUrl = await remoteViewer.page.evaluate(() => (globalThis as unknown as { __tubelessLive?: LiveProbe }).__tubelessLive?.sourceUrl)
      const relayBase = `${relay.url}/static/live-relay/${uuid}/`
      expect(sourceUrl).to.match(new RegExp(`^${relayBase}`))
      expect(mediaRequests.filter(url => url.endsWith('.m4s') || url.includes('.m4s?')).length).to.be.above(0)
      expect(mediaRequests.filter(url => !url.startsWith(relayBase))).to.deep.equal([])
    } finally {
      await remoteViewer.close()
    }
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
    await embed.page.getByTestId('embed-live-ended').waitFor({ timeout: 10_000 })
    // The end of the stream may leave failed loads of playlists that were just removed.
    const expected = [ /Failed to load resource.*(404|\.m3u8|\.m4s)/ ]
    expect(viewer.unexpectedProblems(expected)).to.deep.equal([])
    expect(streamer.unexpectedProblems(expected)).to.deep.equal([])
  })

  it('lists the session for the owner, with its end', async function () {
    const { page } = streamer
    await page.goto(`/videos/watch/${uuid}`)
    await page.getByTestId('live-owner-settings').locator('summary').click()
    const row = page.getByTestId('live-session')
    await row.waitFor()
    expect(await row.count()).to.equal(1)
    expect(await row.getByTestId('live-session-end').locator('time').count()).to.equal(1)
    expect(await row.getByTestId('live-session-status').innerText()).to.equal('Ended normally')
  })

  it('follows a live that saves its replay on the watch page and in an embed: waiting, live, replay being prepared, then the replay', async function () {
    const { page } = embed
    const watch = viewer.page
    const created = (await createLive(instance, { name: 'Embedded live', saveReplay: true, replayPrivacy: 1 })).body.video
    const { streamKey } = await getLive(instance, created.uuid)
    await page.goto(`/videos/embed/${created.uuid}`)
    await watch.goto(`/videos/watch/${created.uuid}`)
    await page.getByTestId('embed-live-waiting').waitFor()
    await watch.getByTestId('live-waiting').waitFor()

    const replayPush = pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds: 10 })
    await page.locator('[data-testid="embed-page"][data-live-phase="live"]').waitFor({ timeout: 20_000 })
    await watch.getByTestId('live-badge').waitFor({ timeout: 20_000 })
    await playAndWaitForProgress(page, 1, 10_000)
    await replayPush.exited
    // A visitor who opens the replay while it converts (not coming from the live) is told it is coming too, and
    // sees it play once published, without a reload (they used to see "not published: To transcode" for good).
    await waitUntil(async () => !(await getVideo(instance, created.uuid)).body.isLive, 20_000, 100)
    const visitor = await ViewerPage.open(browser, instance.url)
    await visitor.page.goto(`/videos/watch/${created.uuid}`)
    // While the live becomes its replay, the video is being transcoded and stays visible (anonymous viewers used to
    // get a 404 then): both pages say the replay is coming when they look (their reloads are 4 s apart, so they may
    // not), never show an error, and play the replay once it is published, without a reload.
    const seen = new Set<string>()
    const watchPlaysReplay = async () => await watch.getByTestId('video-player').count() === 1 &&
      await watch.locator('[data-testid="live-badge"], [data-testid="live-replay-pending"], [data-testid="video-state"]').count() === 0
    await waitUntil(async () => {
      if (await page.getByTestId('watch-error').count()) seen.add('embed error')
      if (await watch.getByTestId('unavailable').count()) seen.add('watch page unavailable')
      if (await page.getByTestId('embed-live-replay-pending').count()) seen.add('embed pending')
      if (await watch.getByTestId('live-replay-pending').count()) seen.add('watch page pending')
      if (await visitor.page.getByTestId('live-replay-pending').count()) seen.add('visitor pending')
      if (await visitor.page.getByTestId('video-state').count()) seen.add('visitor told not published')
      return await page.locator('[data-testid="embed-page"][data-live-phase="replay"]').count() === 1 && await watchPlaysReplay() &&
        await visitor.page.getByTestId('video-player').count() === 1 && await visitor.page.getByTestId('live-replay-pending').count() === 0
    }, 60_000, 100).catch(() => { throw new Error(`The replay did not play on both pages; seen: ${[ ...seen ].join(', ')}`) })
    expect([ ...seen ].filter(what => /error|unavailable|not published/.test(what))).to.deep.equal([])
    console.log(`      (replay in conversion: ${[ ...seen ].join(', ') || 'not seen by the pages'})`)
    const played = await playAndWaitForProgress(page, 1, 20_000)
    expect(played.duration).to.be.within(6, 12)
    expect((await playAndWaitForProgress(watch, 1, 20_000)).duration).to.be.within(6, 12)
    const expected = [ /Failed to load resource.*(404|\.m3u8|\.m4s)/ ]
    expect(embed.unexpectedProblems(expected)).to.deep.equal([])
    expect(viewer.unexpectedProblems(expected)).to.deep.equal([])
    expect(visitor.unexpectedProblems(expected)).to.deep.equal([])
    await visitor.close()
  })
})
