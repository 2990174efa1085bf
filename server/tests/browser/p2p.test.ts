import { createHash } from 'node:crypto'
import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, generateBrowserClip, waitForTranscodingEnd } from './shared/fixtures.js'
import { p2pStats, playAndWaitForProgress, playbackState, startPlayback, type P2PStats } from './shared/pages.js'

/**
 * On loopback the server answers so fast that a second viewer would have everything before its peer connection
 * is up: its media requests (web-video ranges, HLS segments) wait this long first. Playlists, torrents and the
 * segment hash list are not slowed down.
 */
const SECOND_VIEWER_MEDIA_DELAY_MS = 1500
const MEDIA_REQUEST = /\/static\/(web-videos|streaming-playlists\/hls)\/.+\.mp4(\?|$)/

describe('Peer-to-peer playback between two browser pages', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let dir: string
  let uuid: string
  let webVideoSize: number
  const viewers: ViewerPage[] = []
  /** RTCConfiguration of every peer connection the pages made, kept when they close. */
  const peerConnectionConfigs: unknown[] = []

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-p2p')
    const [ clip ] = await Promise.all([
      generateBrowserClip(dir),
      instance.flushAndStart({ config: BROWSER_INSTANCE_CONFIG })
    ])
    const res = await uploadVideo(instance, clip, { name: 'Shared between viewers' })
    expect(res.status, res.text).to.equal(200)
    uuid = res.body.video.uuid
    const [ video ] = await Promise.all([ waitForTranscodingEnd(instance, uuid), launchBrowser().then(b => { browser = b }) ])
    webVideoSize = video.files[0].size
  })

  after(async function () {
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  async function openViewer (mode: 'webtorrent' | 'hls', options: { slowMedia?: boolean } = {}) {
    const viewer = await ViewerPage.open(browser, instance.url, { recordPeerConnections: true })
    viewers.push(viewer)
    if (options.slowMedia) {
      await viewer.page.route(MEDIA_REQUEST, async route => {
        await new Promise(resolve => setTimeout(resolve, SECOND_VIEWER_MEDIA_DELAY_MS))
        // The page may be gone by then: nothing left to answer.
        await route.continue().catch(() => undefined)
      })
    }
    await viewer.page.goto(`/videos/watch/${uuid}?mode=${mode}`)
    // Nothing loads before play is pressed.
    await startPlayback(viewer.page, mode)
    return viewer
  }

  async function waitForStats (page: Page, check: (stats: P2PStats) => boolean, timeoutMs = 30_000) {
    return waitUntil(async () => {
      const stats = await p2pStats(page)
      return stats && check(stats) ? stats : false
    }, timeoutMs, 250)
  }

  async function closeViewers () {
    for (const viewer of viewers) peerConnectionConfigs.push(...await viewer.peerConnectionConfigs())
    await Promise.all(viewers.splice(0).map(viewer => viewer.close()))
  }

  afterEach(closeViewers)

  it('announces HLS swarms the tracker knows: PeerTube\'s hash and p2p-media-loader 2\'s for each variant', async function () {
    const video = await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)
    const playlistUrl = video.body.streamingPlaylists[0].playlistUrl as string
    const [ row ] = await instance.sql<{ p2pMediaLoaderInfohashes: string[] }>(
      'SELECT p."p2pMediaLoaderInfohashes" FROM "videoStreamingPlaylist" p JOIN video v ON v.id = p."videoId" WHERE v.uuid = $1', [ uuid ])
    const peerTubeHash = createHash('sha1').update(`2${playlistUrl}+V0`).digest('hex')
    expect(row.p2pMediaLoaderInfohashes).to.have.length(2)
    expect(row.p2pMediaLoaderInfohashes[0]).to.equal(peerTubeHash)
    // p2p-media-loader 2 announces 20 ASCII (base64) bytes: their hex form.
    expect(Buffer.from(row.p2pMediaLoaderInfohashes[1], 'hex').toString('latin1')).to.match(/^[A-Za-z0-9+/]{20}$/)
  })

  it('WebTorrent: the second viewer downloads pieces of the web video from the first over WebRTC', async function () {
    const first = await openViewer('webtorrent')
    await playAndWaitForProgress(first.page, 0.5)
    // The first viewer holds the whole file (from the WebSeed) before the second arrives.
    await waitForStats(first.page, stats => stats.downloadedFromServer + stats.downloadedFromPeers >= webVideoSize)

    const second = await openViewer('webtorrent', { slowMedia: true })
    const stats = await waitForStats(second.page, s => s.downloadedFromPeers > 0)
    await playAndWaitForProgress(second.page, 1)
    const uploaded = (await p2pStats(first.page))?.uploaded ?? 0

    console.log(`      WebTorrent: ${stats.downloadedFromPeers} bytes from peers, ${stats.downloadedFromServer} from the server; the first viewer uploaded ${uploaded}`)
    expect(stats.engine).to.equal('webtorrent')
    expect(stats.p2pEnabled).to.equal(true)
    expect(stats.peers).to.be.at.least(1)
    expect(uploaded).to.be.greaterThan(0)
    expect(await second.screenshot('watch-webtorrent-p2p')).to.be.a('string')
    for (const viewer of [ first, second ]) expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('HLS: the second viewer gets segments from the first through p2p-media-loader, checked against the SHA-256 list', async function () {
    const first = await openViewer('hls')
    await playAndWaitForProgress(first.page, 0.5)
    // hls.js buffers the whole 20 s clip ahead; every segment is then in the first viewer's p2p cache.
    await waitUntil(async () => {
      const state = await playbackState(first.page)
      return state.bufferedEnd >= state.duration - 0.5
    }, 30_000, 250)

    const second = await openViewer('hls', { slowMedia: true })
    const stats = await waitForStats(second.page, s => s.downloadedFromPeers > 0)
    await playAndWaitForProgress(second.page, 1)
    const uploaded = (await p2pStats(first.page))?.uploaded ?? 0

    console.log(`      HLS: ${stats.downloadedFromPeers} bytes from peers, ${stats.downloadedFromServer} from the server; the first viewer uploaded ${uploaded}`)
    expect(stats.engine).to.equal('hls')
    expect(stats.p2pEnabled).to.equal(true)
    expect(stats.rejectedFromPeers).to.equal(0)
    expect(uploaded).to.be.greaterThan(0)
    expect(await second.screenshot('watch-hls-p2p')).to.be.a('string')
    for (const viewer of [ first, second ]) expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('gives WebRTC only the ICE servers of /api/v1/config (none in tests), never a library default', async function () {
    const config = await instance.api().get('/api/v1/config').expect(200)
    expect(config.body.p2p.iceServers).to.deep.equal([])

    expect(peerConnectionConfigs.length).to.be.greaterThan(0)
    for (const rtc of peerConnectionConfigs) expect((rtc as { iceServers?: unknown } | null)?.iceServers).to.deep.equal(config.body.p2p.iceServers)
  })
})
