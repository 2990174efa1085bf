import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideoChecked } from '../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { createUser, type CreatedUser } from '../api/shared/users.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm, playAndWaitForProgress, recordScripts, startPlayback, type ScriptTransfer } from './shared/pages.js'

/** Compressed JavaScript a first visit may download (Lighthouse-style budget of the issue). */
const HOME_BUDGET_BYTES = 60 * 1024
const WATCH_BUDGET_BYTES = 250 * 1024
/** Smaller responses are not worth compressing (the server's threshold, as the build's). */
const COMPRESSION_THRESHOLD_BYTES = 1024
const MEDIA_REQUEST = /\/static\/(web-videos|streaming-playlists)\/|\.(mp4|m3u8|m4s)(\?|$)/

const total = (scripts: ScriptTransfer[]) => scripts.reduce((sum, s) => sum + s.encodedBytes, 0)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

describe('Web client: page weight, compression, error pages and sentences, languages', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let dir: string
  let uuid: string
  let privateUuid: string
  let user: CreatedUser

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-speed')
    const [ clip ] = await Promise.all([
      generateClip(join(dir, 'clip.mp4'), { width: 426, height: 240, durationSeconds: 4, gop: 60 }),
      instance.flushAndStart({ config: BROWSER_INSTANCE_CONFIG }),
      launchBrowser().then(b => { browser = b })
    ])
    const upload = await uploadVideoChecked(instance, clip, {
      name: 'A video to weigh',
      extra: { description: 'Some **Markdown** description.', support: 'Buy me a *coffee*.' }
    })
    uuid = upload.body.video.uuid
    privateUuid = (await uploadVideoChecked(instance, clip, { name: 'A private video', privacy: 3 })).body.video.uuid
    user = await createUser(instance, 'marie')
    await waitForTranscodingEnd(instance, uuid)
  })

  after(async function () {
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  it('keeps the home page within 60 KB of compressed JavaScript, every script brotli-compressed', async function () {
    const visitor = await ViewerPage.open(browser, instance.url)
    try {
      const scripts = await recordScripts(visitor.page, async () => {
        await visitor.page.goto('/')
        await visitor.page.locator('[data-testid="video-card"]').first().waitFor()
        await visitor.page.waitForLoadState('networkidle')
      })
      console.log(`      home: ${scripts.length} scripts, ${kb(total(scripts))} compressed (budget ${kb(HOME_BUDGET_BYTES)})`)
      expect(scripts.length).to.be.greaterThan(0)
      for (const script of scripts) expect(script.encoding ?? script.encodedBytes < COMPRESSION_THRESHOLD_BYTES, script.url).to.be.oneOf([ 'br', true ])
      expect(scripts.filter(s => s.encoding === 'br').length).to.be.greaterThan(0)
      expect(total(scripts)).to.be.at.most(HOME_BUDGET_BYTES)
      expect(visitor.unexpectedProblems()).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('keeps the watch page within 250 KB of compressed JavaScript and downloads no video before play', async function () {
    const visitor = await ViewerPage.open(browser, instance.url)
    const media: string[] = []
    visitor.page.on('request', request => { if (MEDIA_REQUEST.test(request.url())) media.push(request.url()) })
    try {
      const scripts = await recordScripts(visitor.page, async () => {
        await visitor.page.goto(`/videos/watch/${uuid}`)
        await visitor.page.getByTestId('player-start').waitFor()
        await visitor.page.getByTestId('video-description').locator('strong').waitFor()
        await visitor.page.waitForLoadState('networkidle')
      })
      console.log(`      watch before play: ${scripts.length} scripts, ${kb(total(scripts))} compressed (budget ${kb(WATCH_BUDGET_BYTES)}); media requests: ${media.length}`)
      for (const script of scripts) expect(script.encoding ?? script.encodedBytes < COMPRESSION_THRESHOLD_BYTES, script.url).to.be.oneOf([ 'br', true ])
      expect(total(scripts)).to.be.at.most(WATCH_BUDGET_BYTES)
      expect(media, 'nothing of the video itself before play').to.deep.equal([])
      expect(await visitor.page.getByTestId('video-player').getAttribute('preload')).to.equal('none')

      const player = await recordScripts(visitor.page, () => startPlayback(visitor.page))
      console.log(`      on play: ${player.length} more scripts, ${kb(total(player))} (the player engine)`)
      const state = await playAndWaitForProgress(visitor.page, 1)
      expect(state.currentTime).to.be.greaterThan(1)
      expect(media.length).to.be.greaterThan(0)
      expect(visitor.unexpectedProblems()).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('shows the support text, the download dialog by resolution and format, and P2P statistics behind a toggle', async function () {
    const visitor = await ViewerPage.open(browser, instance.url)
    try {
      const { page } = visitor
      await page.goto(`/videos/watch/${uuid}`)
      await page.getByTestId('support-open').click()
      // The Markdown renderer is loaded on first use: the text appears once it has arrived.
      await page.getByTestId('support-text').locator('em', { hasText: 'coffee' }).waitFor()
      expect(await page.getByTestId('support-text').innerHTML()).to.include('<em>coffee</em>')
      await page.getByTestId('support-dialog-close').click()

      await page.getByTestId('download-open').click()
      const options = await page.getByTestId('download-resolution').locator('option').allTextContents()
      expect(options).to.have.length(1)
      expect(options[0]).to.match(/^240p · \d/)
      expect(await page.getByTestId('download-link').getAttribute('href')).to.match(/\/download\/web-videos\/.+-240\.mp4$/)
      await page.getByTestId('download-format-torrent').check()
      expect(await page.getByTestId('download-link').getAttribute('href')).to.match(/\.torrent$/)
      await visitor.screenshot('watch-download-dialog')
      await page.getByTestId('download-dialog-close').click()

      await startPlayback(page)
      expect(await page.getByTestId('p2p-stats').count()).to.equal(0)
      await page.getByTestId('p2p-stats-toggle').click()
      await page.getByTestId('p2p-stats-engine').waitFor()
      expect(visitor.unexpectedProblems()).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('presents the instance on its About page: description, rules, figures, federation', async function () {
    await instance.api().put('/api/v1/config/custom').set({ Authorization: `Bearer ${instance.accessToken}` })
      .send({ instance: { description: 'Videos about **birds**.', administrator: 'Run by the bird club.' } }).expect(200)
    const visitor = await ViewerPage.open(browser, instance.url)
    try {
      const { page } = visitor
      await page.goto('/')
      await page.getByTestId('menu-about').click()
      expect(await page.getByTestId('about-description').locator('strong').textContent()).to.equal('birds')
      expect(await page.getByTestId('about-administrator').textContent()).to.include('Run by the bird club.')
      await page.getByTestId('about-terms').waitFor()
      expect(await page.getByTestId('about-stats').textContent()).to.include('Users')
      expect(await page.getByTestId('about-federation').textContent()).to.include('Follows 0 instances')
      await visitor.screenshot('about')
      expect(visitor.unexpectedProblems()).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('tells a visitor, in words, that a link leads nowhere, that a video is private, or that a page is not theirs', async function () {
    const visitor = await ViewerPage.open(browser, instance.url)
    try {
      const { page } = visitor
      await page.goto('/videos/watch/not-a-video')
      await page.locator('[data-testid="unavailable"][data-kind="not-found"]').waitFor()
      expect(await page.locator('h1').last().textContent()).to.equal('This video does not exist')
      expect(await page.locator('main').textContent()).not.to.match(/Incorrect request|HTTP 4\d\d/)

      await page.goto(`/videos/watch/${privateUuid}`)
      await page.locator('[data-testid="unavailable"][data-kind="private"]').waitFor()
      expect(await page.getByTestId('unavailable-login').getAttribute('href')).to.equal(`/login?redirect=${encodeURIComponent(`/videos/watch/${privateUuid}`)}`)

      await page.goto('/no/such/page')
      await page.locator('[data-testid="unavailable"][data-kind="not-found"]').waitFor()
      await visitor.screenshot('not-found')

      // A user who is not an administrator never sees the administration pages.
      await logInThroughForm(page, user.username, user.password)
      expect(await page.getByTestId('nav-admin').count()).to.equal(0)
      await page.goto('/admin/settings')
      await page.locator('[data-testid="unavailable"][data-kind="forbidden"]').waitFor()
      expect(await page.getByTestId('admin-settings-form').count()).to.equal(0)
      await page.goto(`/videos/update/${uuid}`)
      await page.locator('[data-testid="unavailable"][data-kind="forbidden"]').waitFor()
      expect(await page.getByTestId('video-edit-form').count()).to.equal(0)

      const expected = [ /status of 40[01] .*\/api\/v1\/videos\//, /status of 400 .*not-a-video/ ]
      expect(visitor.unexpectedProblems(expected)).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('turns the API\'s refusals into sentences: wrong password, not a video, bad instance address', async function () {
    const visitor = await ViewerPage.open(browser, instance.url)
    try {
      const { page } = visitor
      await page.goto('/login')
      await page.getByTestId('login-username').fill('root')
      await page.getByTestId('login-password').fill('not the password')
      await page.getByTestId('login-submit').click()
      expect(await page.getByTestId('login-error').textContent()).to.equal('Wrong username or password.')

      await logInThroughForm(page, 'root', instance.rootPassword)
      const notVideo = join(dir, 'holiday.mp4')
      await writeFile(notVideo, 'these bytes are not a video at all '.repeat(64))
      await page.goto('/upload')
      await page.getByTestId('upload-file-input').setInputFiles(notVideo)
      await page.getByTestId('upload-error').waitFor({ timeout: 20_000 })
      expect(await page.getByTestId('upload-error').textContent()).to.include('This file is not a video (or audio) file the server can read.')
      expect(await page.getByText('is not a video').count(), 'said once').to.equal(1)
      expect(await page.locator('main').textContent()).not.to.include('videofile')
      await visitor.screenshot('upload-not-a-video')

      await page.goto('/admin/follows')
      await page.getByTestId('admin-follow-input').fill('bad!host, also/bad')
      await page.getByTestId('admin-follow-submit').click()
      const sentence = await page.getByTestId('follow-targets-error').textContent()
      expect(sentence).to.include('“bad!host” is not an instance address.')
      expect(sentence).to.include('“also/bad” is not an instance address.')
      expect(sentence).not.to.match(/hosts\.\d/)

      const expected = [ /status of 400 .*\/api\/v1\/(users\/token|server\/following|videos\/upload-resumable)/ ]
      expect(visitor.unexpectedProblems(expected)).to.deep.equal([])
    } finally {
      await visitor.close()
    }
  })

  it('speaks French when the browser does, or when the user chooses it', async function () {
    const context = await browser.newContext({ baseURL: instance.url, locale: 'fr-FR' })
    try {
      const page = await context.newPage()
      await page.goto('/login')
      expect((await page.getByTestId('menu-home').textContent())?.trim()).to.equal('Accueil')
      expect(await page.evaluate('document.documentElement.lang')).to.equal('fr')
      await page.getByTestId('login-username').fill('root')
      await page.getByTestId('login-password').fill('wrong')
      await page.getByTestId('login-submit').click()
      expect(await page.getByTestId('login-error').textContent()).to.equal('Nom d’utilisateur ou mot de passe incorrect.')

      // The user's choice wins over the browser's, and stays.
      await page.getByTestId('language-picker').selectOption('en')
      await page.getByTestId('menu-home').filter({ hasText: 'Home' }).waitFor()
      await page.reload()
      expect((await page.getByTestId('menu-home').textContent())?.trim()).to.equal('Home')
    } finally {
      await context.close()
    }
  })
})
