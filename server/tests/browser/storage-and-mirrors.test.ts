import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'
import { fromRoot } from '../../helpers/project-root.js'
import { follow, waitForFollow } from '../federation/shared/follows.js'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { getVideo, uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm, playAndWaitForProgress, startPlayback } from './shared/pages.js'

/**
 * A's video is mirrored by B. The admin page of each lists the mirrors (ours of others, others' of ours) and runs
 * the integrity scrub; with A's files failing (deleted from its disk), A's player plays the video from B's mirror,
 * by HLS segments and by the plain file.
 */
describe('Storage admin page and the player\'s fallback to mirrors, in a real browser', function () {
  this.timeout(240_000)
  const a = new TestInstance(1)
  const b = new TestInstance(2)
  let browser: Browser
  let adminA: ViewerPage
  let dir: string
  let uuid: string

  const auth = (instance: TestInstance) => ({ Authorization: `Bearer ${instance.accessToken}` })

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-mirrors')
    const [ clip ] = await Promise.all([
      // 8 s: two HLS segments, enough to play 3 s from the mirror.
      generateClip(join(dir, 'clip.mp4'), { width: 426, height: 240, durationSeconds: 8, gop: 60 }),
      a.flushAndStart({ config: BROWSER_INSTANCE_CONFIG }),
      b.flushAndStart({
        config: {
          ...BROWSER_INSTANCE_CONFIG,
          redundancy: { videos: { check_interval: '1 second', strategies: [ { strategy: 'recently-added', size: '1GB', min_lifetime: '1 hour', min_views: 0 } ] } }
        }
      })
    ])
    await follow(b, { hosts: [ a.host ] })
    await waitForFollow(b, 'following', a.host, 'accepted')
    await b.api().put(`/api/v1/server/redundancy/${a.host}`).set(auth(b)).send({ redundancyAllowed: true }).expect(204)

    const res = await uploadVideo(a, clip, { name: 'Mirrored for the player' })
    expect(res.status).to.equal(200)
    uuid = res.body.video.uuid
    await waitForTranscodingEnd(a, uuid)
    // A lists B's copies (web video and HLS) once it has read them.
    await waitUntil(async () => {
      const video = (await getVideo(a, uuid).expect(200)).body
      return video.streamingPlaylists[0]?.redundancies.some((r: { baseUrl: string }) => r.baseUrl.startsWith(b.url)) &&
        video.files[0]?.magnetUri.includes(encodeURIComponent(`${b.url}/static/redundancy/`))
    }, 150_000, 500)

    browser = await launchBrowser()
    adminA = await ViewerPage.open(browser, a.url)
    await logInThroughForm(adminA.page, 'root', a.rootPassword)
  })

  after(async function () {
    await browser?.close()
    await Promise.all([ a.stop(), b.stop() ])
    await removeDir(dir)
  })

  it('lists the mirrors of our videos and of others\' on each side, and runs a scrub from the admin page', async function () {
    const { page } = adminA
    await page.goto('/admin/storage')
    await page.getByTestId('admin-tab-storage').waitFor()
    const theirs = page.getByTestId('admin-their-mirrors').getByTestId('admin-mirror-row')
    await theirs.first().waitFor()
    expect(await theirs.count()).to.equal(2)
    for (const state of await theirs.evaluateAll(rows => rows.map(r => r.getAttribute('data-state')))) expect(state).to.equal('verified')
    expect(await page.getByTestId('admin-their-mirrors').textContent()).to.include(b.host)
    await page.getByTestId('admin-our-mirrors-empty').waitFor()

    await page.getByTestId('admin-scrub-start').click()
    await page.locator('[data-testid="admin-scrub-report"][data-state="finished"]').waitFor({ timeout: 60_000 })
    expect(Number(await page.getByTestId('admin-scrub-checked').textContent())).to.be.greaterThan(1)
    expect(await page.getByTestId('admin-scrub-bad').textContent()).to.equal('0')
    await adminA.screenshot('admin-storage')

    const adminB = await ViewerPage.open(browser, b.url)
    try {
      await logInThroughForm(adminB.page, 'root', b.rootPassword)
      await adminB.page.goto('/admin/storage')
      const ours = adminB.page.getByTestId('admin-our-mirrors').getByTestId('admin-mirror-row')
      await ours.first().waitFor()
      expect(await ours.count()).to.equal(2)
      expect(await adminB.page.getByTestId('admin-our-mirrors').textContent()).to.include('recently-added')
      await adminB.page.getByTestId('admin-their-mirrors-empty').waitFor()
      expect(adminB.unexpectedProblems()).to.deep.equal([])
    } finally {
      await adminB.close()
    }
    expect(adminA.unexpectedProblems()).to.deep.equal([])
  })

  async function playWithOriginFailing (mode: 'hls' | 'http', removeOriginFiles: () => Promise<string>) {
    const failingUrl = await removeOriginFiles()
    // Open media files are kept a few seconds by the static routes: wait until A answers 404.
    await waitUntil(async () => (await fetch(failingUrl)).status === 404, 15_000, 500)
    const viewer = await ViewerPage.open(browser, a.url)
    const fromMirror: string[] = []
    const fromOrigin: number[] = []
    viewer.page.on('response', response => {
      if (response.url().startsWith(`${b.url}/static/redundancy/`)) fromMirror.push(response.url())
      if (response.url() === failingUrl) fromOrigin.push(response.status())
    })
    try {
      await viewer.page.goto(`/videos/watch/${uuid}?mode=${mode}`)
      await startPlayback(viewer.page as Page, mode)
      const warnings: string[] = []
      viewer.page.on('console', message => { if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text()) })
      await playAndWaitForProgress(viewer.page, 3, 60_000).catch(err => {
        throw new Error(`${(err as Error).message}; engine ${fromMirror.length} from the mirror, origin ${JSON.stringify(fromOrigin)}; console ${JSON.stringify(warnings.slice(-15))}`)
      })
      expect(await viewer.page.getByTestId('video-player').getAttribute('data-engine')).to.equal(mode)
      expect(fromOrigin, 'the origin was asked first').to.include(404)
      expect(fromMirror.length, 'bytes came from the mirror').to.be.greaterThan(0)
    } finally {
      await viewer.close()
    }
  }

  it('plays HLS from the mirror\'s segments when the origin\'s segments fail', async function () {
    await playWithOriginFailing('hls', async () => {
      const video = (await getVideo(a, uuid).expect(200)).body
      const hlsDir = fromRoot(a.storageDir('streaming_playlists'), 'hls', uuid)
      for (const name of (await readdir(hlsDir)).filter(n => n.endsWith('.mp4'))) await rm(join(hlsDir, name))
      return video.streamingPlaylists[0].files[0].fileUrl
    })
  })

  it('plays the web video from the mirror\'s copy when the origin\'s file fails', async function () {
    await playWithOriginFailing('http', async () => {
      const file = (await getVideo(a, uuid).expect(200)).body.files[0]
      await rm(fromRoot(a.storageDir('web_videos'), file.fileUrl.split('/').pop()))
      return file.fileUrl
    })
  })
})
