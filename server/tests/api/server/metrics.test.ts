import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { launchBrowser, ViewerPage } from '../../browser/shared/browser.js'
import { startPlayback } from '../../browser/shared/pages.js'
import { fromRoot } from '../../../helpers/project-root.js'
import { assertLoopbackOnlyNetwork } from '../../shared/network-namespace.js'
import { follow, unfollow, waitForFollow } from '../../federation/shared/follows.js'
import { scrapePrometheus, type Scrape } from '../../shared/prometheus.js'
import { TestInstance } from '../../shared/test-instance.js'
import { getVideo, uploadVideoChecked } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { createUser } from '../shared/users.js'

/** Metrics on, with the HTTP histogram, the exporter on a loopback port of the slot's range (instance port + 80). */
function metricsConfig (instance: TestInstance) {
  return {
    open_telemetry: {
      metrics: {
        enabled: true,
        playback_stats_interval: '2 seconds',
        http_request_duration: { enabled: true },
        prometheus_exporter: { hostname: '127.0.0.1', port: instance.port + 80 }
      }
    }
  }
}

describe('Metrics: OpenTelemetry with a Prometheus exporter', function () {
  const a = new TestInstance(1)
  const b = new TestInstance(2)
  let dir: string
  let clip: string
  let uuid: string
  let numericId: number

  const scrape = (instance: TestInstance) => scrapePrometheus(`http://127.0.0.1:${instance.port + 80}/metrics`)
  /** Scrapes until `check` holds (observable gauges are read at scrape time, counters as soon as recorded). */
  const scrapeUntil = (instance: TestInstance, check: (s: Scrape) => boolean, timeoutMs = 20_000) =>
    waitUntil(async () => { const s = await scrape(instance); return check(s) ? s : undefined }, timeoutMs, 300)

  const playback = (instance: TestInstance, body: Record<string, unknown>) => instance.api().post('/api/v1/metrics/playback').send(body)
  const report = () => ({
    playerMode: 'p2p-media-loader',
    resolution: 240,
    fps: 25,
    p2pEnabled: true,
    p2pPeers: 3,
    resolutionChanges: 1,
    bufferStalled: 2,
    errors: 0,
    downloadedBytesP2P: 1000,
    downloadedBytesHTTP: 5000,
    uploadedBytesP2P: 700,
    videoId: uuid
  })

  before(async function () {
    dir = await makeTempDir('metrics')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1, fps: 25 })
    // B keeps the defaults: metrics off.
    await Promise.all([ a.flushAndStart({ config: metricsConfig(a) }), b.flushAndStart() ])
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop() ])
    await removeDir(dir)
  })

  it('tells the web client that metrics are on and how often to report playback', async function () {
    const config = (await a.api().get('/api/v1/config').expect(200)).body
    expect(config.openTelemetry).to.deep.equal({ metrics: { enabled: true, playbackStatsInterval: 2000 } })
  })

  it('exposes the instance counts and the Node.js process under PeerTube\'s names', async function () {
    const s = await scrape(a)
    expect(s.value('peertube_users_total')).to.equal(1)
    expect(s.value('peertube_videos_total', { videoOrigin: 'local' })).to.equal(0)
    expect(s.value('peertube_instance_followers_total')).to.equal(0)
    expect(s.value('peertube_ap_inbox_waiting_total')).to.equal(0)
    expect(s.value('peertube_redundancy_used_bytes_total', { strategy: 'manual' })).to.equal(0)
    expect(s.find('peertube_job_queue_total', { jobType: 'video-transcoding', state: 'completed' })).to.have.length(1)
    expect(s.value('peertube_bittorrent_tracker_peers_total')).to.equal(0)
    expect(s.value('process_cpu_seconds_total')).to.be.above(0)
    expect(s.value('nodejs_memory_usage_bytes', { memoryType: 'heapUsed' })).to.be.above(1_000_000)
    expect(s.value('process_open_fds')).to.be.above(5)
    expect(s.types.get('http_request_duration_ms')).to.equal('histogram')
  })

  it('counts an upload, its transcoding and a new user as they happen', async function () {
    await createUser(a, 'carol')
    const res = await uploadVideoChecked(a, clip, { name: 'Metrics clip' })
    uuid = res.body.video.uuid
    numericId = res.body.video.id
    await waitUntil(async () => (await getVideo(a, uuid)).body.state?.id === 1, 60_000, 300)

    const s = await scrapeUntil(a, s => s.value('peertube_videos_total', { videoOrigin: 'local' }) === 1 &&
      (s.value('peertube_job_queue_total', { jobType: 'video-transcoding', state: 'completed' }) ?? 0) >= 1)
    expect(s.value('peertube_users_total')).to.equal(2)
    expect(s.value('peertube_video_bytes_total', { videoOrigin: 'local' })).to.be.above(1000)
    expect(s.value('tubeless_transcoding_duration_seconds_count', { result: 'success' })).to.be.at.least(1)
    expect(s.value('tubeless_transcoding_duration_seconds_sum', { result: 'success' })).to.be.above(0)
    expect(s.value('tubeless_transcoding_duration_seconds_count', { result: 'failure' }) ?? 0).to.equal(0)
  })

  it('times HTTP requests under their route templates, never their raw paths', async function () {
    await getVideo(a, uuid).expect(200)
    await getVideo(a, String(numericId)).expect(200)
    await a.api().get('/api/v1/videos/9999999').expect(404)
    await a.api().get(`/no-such-page-${Date.now()}`)
    await a.api().get(`/api/v1/no-such-route-${Date.now()}`).expect(404)

    const s = await scrape(a)
    const count = (labels: Record<string, string>) => s.value('http_request_duration_ms_count', labels) ?? 0
    expect(count({ path: '/api/v1/videos/:id', method: 'GET', statusCode: '200' })).to.be.at.least(2)
    expect(count({ path: '/api/v1/videos/:id', method: 'GET', statusCode: '404' })).to.equal(1)
    expect(count({ path: '/api/v1/videos/upload', method: 'POST', statusCode: '200' })).to.equal(1)
    expect(count({ path: 'unmatched', statusCode: '404' })).to.equal(1)
    // Web client pages (any path, served by the client's catch-all) share one label too.
    expect(count({ path: 'other', statusCode: '200' })).to.equal(1)
    expect(s.value('http_request_duration_ms_sum', { path: '/api/v1/videos/:id', statusCode: '200' })).to.be.above(0)
    expect(s.find('http_request_duration_ms_bucket', { path: '/api/v1/videos/:id', statusCode: '200', le: '+Inf' })).to.have.length(1)

    const paths = new Set(s.find('http_request_duration_ms_count').map(sample => sample.labels.path))
    for (const path of paths) expect(path, path).to.not.match(/[0-9a-f]{8}-|no-such|9999999|\d{3,}/)
  })

  it('counts federation deliveries it sends and inbox activities it processes', async function () {
    await follow(a, { hosts: [ b.host ] })
    await waitForFollow(a, 'following', b.host, 'accepted')

    // A delivered its Follow to B, and processed B's Accept.
    const s = await scrapeUntil(a, s => (s.value('tubeless_ap_deliveries_total', { result: 'success' }) ?? 0) >= 1 &&
      (s.value('peertube_ap_inbox_success_total', { activityType: 'Accept' }) ?? 0) >= 1)
    expect(s.value('peertube_instance_following_total')).to.equal(1)
    expect(s.value('peertube_ap_inbox_error_total', { activityType: 'Accept' })).to.equal(0)
    expect(s.value('peertube_ap_inbox_waiting_total')).to.equal(0)
  })

  it('records players\' playback reports under PeerTube\'s playback metrics', async function () {
    await playback(a, report()).expect(204)
    await playback(a, { ...report(), videoId: numericId, downloadedBytesHTTP: 2000, p2pPeers: 5 }).expect(204)

    const s = await scrape(a)
    const labels = { videoUUID: uuid, videoOrigin: 'local', playerMode: 'p2p-media-loader', resolution: '240', fps: '25', p2pEnabled: 'true' }
    expect(s.value('peertube_playback_http_downloaded_bytes_total', labels)).to.equal(7000)
    expect(s.value('peertube_playback_p2p_downloaded_bytes_total', labels)).to.equal(2000)
    expect(s.value('peertube_playback_p2p_uploaded_bytes_total', labels)).to.equal(1400)
    expect(s.value('peertube_playback_resolution_changes_count_total', labels)).to.equal(2)
    expect(s.value('peertube_playback_buffer_stalled_count_total', labels)).to.equal(4)
    expect(s.value('peertube_playback_errors_count_total', labels)).to.equal(0)
    expect(s.value('peertube_playback_p2p_peers', labels)).to.equal(5)
    expect(playbackReportsTimed(s)).to.equal(2)

    // A resolution or frame rate the ladder does not have is one 'other' series, not one per number sent.
    await playback(a, { ...report(), resolution: 1234, fps: 7.5 }).expect(204)
    const after = await scrape(a)
    expect(after.value('peertube_playback_http_downloaded_bytes_total', { videoUUID: uuid, resolution: 'other', fps: 'other' })).to.equal(5000)
  })

  it('ships a Grafana dashboard whose every metric is in the scrape', async function () {
    await playback(a, report()).expect(204)
    const dashboard = JSON.parse(await readFile(fromRoot('support', 'grafana', 'tubeless-dashboard.json'), 'utf8'))
    const exprs: string[] = dashboard.panels.flatMap((panel: { targets?: { expr: string }[] }) => (panel.targets ?? []).map(t => t.expr))
    const used = new Set(exprs.flatMap(expr => expr.match(/\b(?:peertube|tubeless|http|process|nodejs)_[a-z_]+\b/g) ?? []))
    expect(used.size).to.be.above(25)

    const names = (await scrape(a)).names()
    const missing = [ ...used ].filter(name => !names.has(name))
    expect(missing).to.deep.equal([])
  })

  function playbackReportsTimed (s: Scrape) {
    return s.value('http_request_duration_ms_count', { path: '/api/v1/metrics/playback', statusCode: '204' })
  }

  it('refuses bad playback reports with a 400 naming the field, and records nothing', async function () {
    const before = (await scrape(a)).value('peertube_playback_http_downloaded_bytes_total', { videoUUID: uuid })
    const cases: [ Record<string, unknown>, string ][] = [
      [ { ...report(), playerMode: 'flash' }, 'playerMode' ],
      [ { ...report(), playerMode: undefined }, 'playerMode' ],
      [ { ...report(), errors: -1 }, 'errors' ],
      [ { ...report(), downloadedBytesHTTP: 'lots' }, 'downloadedBytesHTTP' ],
      [ { ...report(), resolutionChanges: 1.5 }, 'resolutionChanges' ],
      [ { ...report(), p2pEnabled: 'yes' }, 'p2pEnabled' ],
      [ { ...report(), videoId: 'not a video id' }, 'videoId' ],
      [ { ...report(), favouriteColour: 'blue' }, 'favouriteColour' ]
    ]
    for (const [ body, field ] of cases) {
      const res = await playback(a, body).expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params'], JSON.stringify(body)).to.have.property(field)
    }
    const missing = await playback(a, { ...report(), videoId: '00000000-0000-4000-8000-000000000000' }).expect(404)
    expect(missing.headers['content-type']).to.match(/^application\/problem\+json/)

    expect((await scrape(a)).value('peertube_playback_http_downloaded_bytes_total', { videoUUID: uuid })).to.equal(before)
  })

  it('has the web player report its playback periodically, and the scrape shows it', async function () {
    // The player may peer over WebRTC, and Chromium may call home: loopback only.
    assertLoopbackOnlyNetwork()
    const sent = (s: Scrape) => s.value('peertube_playback_http_downloaded_bytes_total', { videoUUID: uuid }) ?? 0
    const before = sent(await scrape(a))
    let browser: Browser | undefined
    try {
      browser = await launchBrowser()
      const viewer = await ViewerPage.open(browser, a.url)
      // Reports the server answered (one sent as the page closes may or may not arrive).
      const reports: Record<string, unknown>[] = []
      viewer.page.on('response', response => {
        const request = response.request()
        if (request.method() === 'POST' && request.url().endsWith('/api/v1/metrics/playback') && response.status() === 204) reports.push(request.postDataJSON())
      })
      await viewer.page.goto(`/videos/watch/${uuid}`)
      await startPlayback(viewer.page)
      const engine = await viewer.page.getByTestId('video-player').getAttribute('data-engine')
      await viewer.page.getByTestId('video-player').evaluate((element: { muted: boolean, play (): Promise<void> }) => {
        element.muted = true
        element.play().catch(() => undefined)
      })
      // Every playbackStatsInterval (2 s here) while something happened: the bytes the segments took.
      const first = await waitUntil(async () => reports.find(r => Number(r.downloadedBytesHTTP) > 0), 15_000, 200)
      expect(first).to.include({ playerMode: engine === 'hls' ? 'p2p-media-loader' : 'web-video', videoId: uuid, errors: 0 })
      expect(first.p2pEnabled).to.be.a('boolean')
      await viewer.close()

      const sentBytes = () => reports.reduce((sum, r) => sum + Number(r.downloadedBytesHTTP), 0)
      const s = await scrapeUntil(a, s => sent(s) - before >= sentBytes())
      expect(sent(s) - before).to.be.above(1000)
    } finally {
      await browser?.close()
    }
  })

  it('limits playback reports per address', async function () {
    let limited: { status: number, type: string } | undefined
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await playback(a, report())
      if (res.status === 429) limited = { status: res.status, type: res.headers['content-type'] }
      else expect(res.status).to.equal(204)
    }
    expect(limited?.type).to.match(/^application\/problem\+json/)
  })

  it('is off by default: no exporter, the client is told, reports are accepted and ignored', async function () {
    const config = (await b.api().get('/api/v1/config').expect(200)).body
    expect(config.openTelemetry.metrics.enabled).to.equal(false)
    const refused = await fetch(`http://127.0.0.1:${b.port + 80}/metrics`).then(() => false, () => true)
    expect(refused).to.equal(true)
    await b.api().post('/api/v1/metrics/playback').send({ ...report(), videoId: 1 }).expect(204)
    await b.api().post('/api/v1/metrics/playback').send({ ...report(), errors: 'x' }).expect(400)
  })

  it('counts deliveries that fail', async function () {
    await b.stop()
    await unfollow(a, b.host)
    const s = await scrapeUntil(a, s => (s.value('tubeless_ap_deliveries_total', { result: 'failure', retryable: 'true' }) ?? 0) >= 1)
    expect(s.value('tubeless_ap_deliveries_total', { result: 'failure', retryable: 'false' }) ?? 0).to.equal(0)
  })
})
