import { expect } from 'chai'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { auth, createUser, type CreatedUser } from '../api/shared/users.js'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestSmtpServer, linkIn } from '../shared/smtp-server.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm, playbackState } from './shared/pages.js'

describe('Web client: the viewer\'s library, notifications and password reset', function () {
  const instance = new TestInstance(3)
  const smtp = new TestSmtpServer()
  let browser: Browser
  let viewer: ViewerPage
  let dir: string
  let lea: CreatedUser
  const videos: { uuid: string, id: number, name: string }[] = []

  const api = () => instance.api()

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-library')
    await smtp.start()
    const [ clip ] = await Promise.all([
      generateClip(join(dir, 'clip.mp4'), { width: 426, height: 240, durationSeconds: 6, gop: 50 }),
      instance.flushAndStart({ config: { ...BROWSER_INSTANCE_CONFIG, smtp: smtp.config() } })
    ])
    const uploads = await Promise.all([ 'Alpine lake', 'Beach at dawn' ].map(name => uploadVideo(instance, clip, { name })))
    for (const [ index, res ] of uploads.entries()) {
      const video = await waitForTranscodingEnd(instance, res.body.video.uuid)
      videos.push({ uuid: video.uuid, id: video.id, name: video.name })
      expect(video.name).to.equal([ 'Alpine lake', 'Beach at dawn' ][index])
    }
    lea = await createUser(instance, 'lea', { password: 'lea-password' })
    browser = await launchBrowser()
    viewer = await ViewerPage.open(browser, instance.url)
    await logInThroughForm(viewer.page, 'lea', 'lea-password')
  })

  after(async function () {
    if (viewer?.problems.length) console.log('    Console errors seen:', viewer.problems)
    await browser?.close()
    await instance.stop()
    await smtp.stop()
    await removeDir(dir)
  })

  it('counts a new notification in the header as it happens, and lists it', async function () {
    const { page } = viewer
    await page.goto('/')
    await page.getByTestId('nav-notifications').waitFor()
    expect(await page.getByTestId('notification-count').count()).to.equal(0)

    // Someone subscribes to Lea's channel while her page is open: no reload, no polling.
    await api().post('/api/v1/users/me/subscriptions').set(auth(instance.accessToken)).send({ uri: 'lea_channel' }).expect(204)
    await page.getByTestId('notification-count').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('notification-count').textContent()).to.equal('1')

    await page.getByTestId('nav-notifications').click()
    const item = page.getByTestId('notification').first()
    await item.waitFor()
    expect(await item.getAttribute('data-type')).to.equal('10')
    expect(await item.textContent()).to.match(/root.*follows your channel/)
    await viewer.screenshot('notifications')
    await page.getByTestId('notifications-read-all').click()
    await page.getByTestId('notification-count').waitFor({ state: 'detached' })
    expect(await item.getAttribute('data-read')).to.equal('true')
  })

  it('subscribes to a channel from the library and shows its videos in the feed', async function () {
    const { page } = viewer
    await page.getByTestId('nav-library').click()
    await page.getByTestId('subscribe-input').fill('root_channel')
    await page.getByTestId('subscribe-submit').click()
    await page.getByTestId('subscribe-done').waitFor()
    await page.reload()
    await page.locator('[data-testid="video-card"]').nth(1).waitFor()
    const uuids = await page.locator('[data-testid="video-card"]').evaluateAll(cards => cards.map(card => card.getAttribute('data-uuid')))
    expect(uuids).to.have.members(videos.map(v => v.uuid))
    expect(await page.getByTestId('subscription').getAttribute('data-handle')).to.equal('root_channel')
  })

  it('saves videos to Watch later and to a new playlist from the watch page and from a video card', async function () {
    const { page } = viewer
    await page.goto(`/videos/watch/${videos[0].uuid}`)
    await page.getByTestId('add-to-playlist').first().click()
    await page.locator('[data-testid="playlist-menu-item"][data-playlist-type="2"]').check()
    await page.getByTestId('playlist-menu-new-name').fill('Trip')
    await page.getByTestId('playlist-menu-create').click()
    await page.locator('[data-testid="playlist-menu-item"]').nth(1).waitFor()
    await viewer.screenshot('add-to-playlist')

    await page.goto('/my-library/subscriptions')
    const card = page.locator(`[data-testid="video-card"][data-uuid="${videos[1].uuid}"]`)
    await card.getByTestId('add-to-playlist').click()
    const trip = card.locator('[data-testid="playlist-menu-item"][data-playlist-type="1"]')
    await trip.waitFor()
    await trip.check()

    const exist = await waitUntil(async () => {
      const res = await api().get('/api/v1/users/me/video-playlists/videos-exist').set(auth(lea.token)).query({ videoIds: videos.map(v => v.id) }).expect(200)
      return res.body[videos[1].id].length === 1 ? res.body : undefined
    })
    expect(exist[videos[0].id].map((e: any) => e.playlistDisplayName)).to.have.members([ 'Watch later', 'Trip' ])
    expect(exist[videos[1].id].map((e: any) => e.playlistDisplayName)).to.deep.equal([ 'Trip' ])
  })

  it('plays a playlist from element to element, within their start and stop', async function () {
    const { page } = viewer
    const [ trip ] = (await api().get('/api/v1/accounts/lea/video-playlists').set(auth(lea.token)).expect(200)).body.data.filter((p: any) => p.displayName === 'Trip')
    const elements = (await api().get(`/api/v1/video-playlists/${trip.id}/videos`).set(auth(lea.token)).expect(200)).body.data
    await api().put(`/api/v1/video-playlists/${trip.id}/videos/${elements[0].id}`).set(auth(lea.token)).send({ startTimestamp: 1, stopTimestamp: 2 }).expect(204)

    await page.goto('/my-library/video-playlists')
    await page.locator(`[data-testid="playlist-card"][data-uuid="${trip.uuid}"]`).getByTestId('playlist-card-link').click()
    await page.getByTestId('playlist-play').click()
    await page.getByTestId('playlist-watch-page').waitFor()
    expect(await page.getByTestId('playlist-watch-page').getAttribute('data-position')).to.equal('1')
    // Muted autoplay: element 1 runs from 1 s to 2 s, then the player goes on to element 2.
    await page.getByTestId('video-player').evaluate((element: { muted: boolean, play (): Promise<void> }) => { element.muted = true; element.play().catch(() => undefined) })
    await page.locator('[data-testid="playlist-watch-page"][data-position="2"]').waitFor({ timeout: 30_000 })
    await page.getByTestId('video-title').filter({ hasText: videos[1].name }).waitFor()
    await viewer.screenshot('playlist-player')
  })

  it('resumes a video where the viewer stopped, and lists it in the history', async function () {
    const { page } = viewer
    await api().put(`/api/v1/videos/${videos[0].uuid}/watching`).set(auth(lea.token)).send({ currentTime: 2 }).expect(204)
    await page.goto(`/videos/watch/${videos[0].uuid}`)
    const state = await waitUntil(async () => {
      const current = await playbackState(page)
      return current.currentTime >= 2 ? current : undefined
    }, 20_000)
    expect(state.currentTime).to.be.at.least(2)

    await page.goto('/my-library/history/videos')
    const item = page.locator(`[data-testid="history-item"][data-uuid="${videos[0].uuid}"]`)
    await item.waitFor()
    expect(Number(await item.getAttribute('data-current-time'))).to.be.at.least(2)
  })

  it('resets a forgotten password through the e-mailed link', async function () {
    const { page } = viewer
    await page.getByTestId('logout-button').click()
    await page.getByTestId('nav-login').click()
    await page.getByTestId('forgot-password-link').click()
    await page.getByTestId('forgot-password-email').fill('lea@example.com')
    await page.getByTestId('forgot-password-submit').click()
    await page.getByTestId('forgot-password-sent').waitFor()

    const mail = await smtp.waitForMail(m => m.to.includes('lea@example.com') && /Reset/.test(m.subject))
    const link = linkIn(mail, `${instance.url}/reset-password`)
    await page.goto(link.pathname + link.search)
    await page.getByTestId('reset-password-password').fill('lea-new-password')
    await page.getByTestId('reset-password-confirmation').fill('lea-new-password')
    await page.getByTestId('reset-password-submit').click()
    await page.getByTestId('reset-password-done').waitFor()

    await logInThroughForm(page, 'lea', 'lea-new-password')
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })
})
