import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { auth, createUser } from '../api/shared/users.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { logInThroughForm } from './shared/pages.js'

/** Two rungs: a 240p upload is playable at once (a copy of the source) while 144p is still being made. */
const CONFIG = {
  transcoding: {
    resolutions: { '144p': true, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false }
  },
  signup: { enabled: true, requires_approval: false, limit: -1, minimum_age: 16 },
  instance: { terms: 'Be **kind**. No spam.', code_of_conduct: 'Credit the authors of what you share.' }
}

async function picture (path: string, width: number, height: number) {
  await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toFile(path)
  return path
}

/** Fills the sign-up form's second step. */
async function fillAccount (page: Page, values: { displayName: string, username: string, email: string, password: string }) {
  await page.getByTestId('signup-displayName').fill(values.displayName)
  await page.getByTestId('signup-username').fill(values.username)
  await page.getByTestId('signup-email').fill(values.email)
  await page.getByTestId('signup-password').fill(values.password)
}

describe('Web client: sign-up, one-screen upload, account and channel settings', function () {
  const instance = new TestInstance(2)
  let browser: Browser
  let member: ViewerPage
  let dir: string
  let clip: string
  let uuid: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-accounts')
    ;[ clip ] = await Promise.all([
      generateClip(join(dir, 'my-first-clip.mp4'), { width: 426, height: 240, durationSeconds: 4, gop: 60 }),
      instance.flushAndStart({ config: CONFIG }),
      launchBrowser().then(b => { browser = b })
    ])
    member = await ViewerPage.open(browser, instance.url)
  })

  after(async function () {
    if (member?.problems.length) console.log('    Console errors seen:', member.problems)
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  describe('Sign-up', function () {
    it('shows the rules first, then creates the account and signs the new user in', async function () {
      const { page } = member
      await page.goto('/')
      // An instance without videos says what it is and how to start.
      await page.getByTestId('home-empty').waitFor()
      await page.getByTestId('home-start-signup').waitFor()
      await member.screenshot('home-empty')
      await page.getByTestId('nav-signup').click()
      await page.getByTestId('signup-terms').waitFor()
      expect(await page.getByTestId('signup-rules-terms').locator('strong').textContent()).to.equal('kind')
      expect(await page.getByTestId('signup-rules-code-of-conduct').textContent()).to.include('Credit the authors')
      expect(await page.getByTestId('signup-next').isDisabled()).to.equal(true)
      await page.getByTestId('signup-accept').check()
      await page.getByTestId('signup-next').click()

      await fillAccount(page, { displayName: 'Jeanne', username: 'jeanne', email: 'jeanne@example.com', password: 'a long password' })
      expect(await page.getByTestId('signup-channelName').inputValue()).to.equal('jeanne_channel')
      expect(await page.getByTestId('signup-registrationReason').count()).to.equal(0)
      await member.screenshot('signup-form')
      await page.getByTestId('signup-submit').click()
      await page.locator('[data-testid="signup-done"][data-outcome="signed-in"]').waitFor()
      expect(await page.getByTestId('nav-account').locator('.label-wide').textContent()).to.equal('Jeanne')

      const me = await instance.api().get('/api/v1/accounts/jeanne').expect(200)
      expect(me.body.displayName).to.equal('Jeanne')
      await instance.api().get('/api/v1/video-channels/jeanne_channel').expect(200)
      expect(member.unexpectedProblems()).to.deep.equal([])
    })

    it('with approval on, sends a request with the reason for a moderator, from the login page', async function () {
      await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ signup: { requiresApproval: true } }).expect(200)
      const visitor = await ViewerPage.open(browser, instance.url)
      try {
        const { page } = visitor
        await page.goto('/login')
        await page.getByTestId('login-signup-link').click()
        await page.getByTestId('signup-approval-notice').waitFor()
        await page.getByTestId('signup-accept').check()
        await page.getByTestId('signup-next').click()
        await fillAccount(page, { displayName: 'Paul', username: 'paul', email: 'paul@example.com', password: 'another password' })
        // A taken name is said in words, on its field.
        await page.getByTestId('signup-username').fill('jeanne')
        await page.getByTestId('signup-registrationReason').fill('I film birds and want to share them.')
        await page.getByTestId('signup-submit').click()
        expect(await page.getByTestId('username-error').textContent()).to.equal('This username is taken: choose another one.')
        await page.getByTestId('signup-username').fill('paul')
        await page.getByTestId('signup-submit').click()
        await page.locator('[data-testid="signup-done"][data-outcome="requested"]').waitFor()
        await visitor.screenshot('signup-requested')

        const list = await instance.api().get('/api/v1/users/registrations').set(auth(instance.accessToken)).expect(200)
        const request = list.body.data.find((r: { username: string }) => r.username === 'paul')
        expect(request.registrationReason).to.equal('I film birds and want to share them.')
        await instance.api().get('/api/v1/accounts/paul').expect(404)
        expect(visitor.unexpectedProblems([ /status of 409 .*\/api\/v1\/users\/registrations\/request/ ])).to.deep.equal([])
      } finally {
        await visitor.close()
        await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ signup: { requiresApproval: false } }).expect(200)
      }
    })
  })

  describe('One-screen upload', function () {
    it('uploads while every field is filled in, publishes on request, then follows the renditions live', async function () {
      const { page } = member
      await page.getByTestId('nav-upload').click()
      await page.getByTestId('upload-file-input').setInputFiles(clip)
      // The title comes from the file name until one is typed.
      expect(await page.getByTestId('video-name').inputValue()).to.equal('my-first-clip')
      await page.getByTestId('video-name').fill('Birds at dawn')
      await page.getByTestId('video-description').fill('Filmed **at sunrise** by the river.')
      await page.getByTestId('video-description-preview-toggle').check()
      await page.getByTestId('video-description-preview').locator('strong').filter({ hasText: 'at sunrise' }).waitFor()
      for (const tag of [ 'birds', 'river' ]) {
        await page.getByTestId('video-tags-input').fill(tag)
        await page.getByTestId('video-tags-input').press('Enter')
      }
      await page.getByTestId('video-category').selectOption('16')
      await page.getByTestId('video-licence').selectOption('2')
      await page.getByTestId('video-language').selectOption('fr')
      await page.getByTestId('video-privacy').selectOption('scheduled')
      const inAnHour = new Date(Date.now() + 3_600_000)
      const local = new Date(inAnHour.getTime() - inAnHour.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
      await page.getByTestId('video-schedule-at').fill(local)
      await page.getByTestId('video-schedule-privacy').selectOption('1')
      await page.getByTestId('video-originally-published').fill('2024-05-01')
      await page.getByTestId('video-comments').selectOption('2')
      await page.getByTestId('video-nsfw').check()
      await page.getByTestId('video-support').fill('Support my *bird feeder*.')
      await page.locator('[data-testid="thumbnail-frame"][data-index="1"]').click()
      await member.screenshot('upload-form')

      await page.locator('[data-testid="upload-progress-box"][data-state="done"]').waitFor({ timeout: 30_000 })
      const mine = await instance.api().get('/api/v1/users/me/videos').set(auth(await instance.login('jeanne', 'a long password'))).expect(200)
      uuid = mine.body.data[0].uuid
      const draft = await instance.api().get(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).expect(200)
      expect(draft.body.privacy.id, 'a private draft until published').to.equal(3)

      await page.getByTestId('upload-publish').click()
      await page.getByTestId('upload-published').waitFor({ timeout: 30_000 })
      expect(await page.getByTestId('upload-published').textContent()).to.match(/^Scheduled: private until .+, then Public\.$/)
      await page.locator('[data-testid="rendition"][data-resolution="144"][data-state="ready"]').waitFor({ timeout: 60_000 })
      await page.locator('[data-testid="rendition"][data-resolution="240"][data-state="ready"]').waitFor()
      await page.getByTestId('renditions-summary').filter({ hasText: 'Every rendition is ready.' }).waitFor({ timeout: 30_000 })
      await member.screenshot('upload-published')

      const video = (await instance.api().get(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).expect(200)).body
      expect(video).to.include({ name: 'Birds at dawn', description: 'Filmed **at sunrise** by the river.', nsfw: true, commentsEnabled: false, support: 'Support my *bird feeder*.' })
      expect(video.tags).to.deep.equal([ 'birds', 'river' ])
      expect([ video.category.id, video.licence.id, video.language.id ]).to.deep.equal([ 16, 2, 'fr' ])
      expect(video.originallyPublishedAt).to.match(/^2024-05-01/)
      expect(video.privacy.id).to.equal(3)
      expect(Date.parse(video.scheduledUpdate.updateAt)).to.be.closeTo(Math.floor(inAnHour.getTime() / 60_000) * 60_000, 1000)
      expect(video.scheduledUpdate.privacy).to.equal(1)
      expect(video.thumbnailPath, 'the picked frame replaced the automatic thumbnail').not.to.equal(draft.body.thumbnailPath)
      expect(member.unexpectedProblems()).to.deep.equal([])
    })

    it('edits the video with the same form, and publishes it now', async function () {
      const { page } = member
      await page.getByTestId('upload-edit-link').click()
      await page.getByTestId('video-edit-page').waitFor()
      expect(await page.getByTestId('video-name').inputValue()).to.equal('Birds at dawn')
      expect(await page.getByTestId('video-privacy').inputValue()).to.equal('scheduled')
      expect(await page.getByTestId('video-tag').allTextContents()).to.have.length(2)
      await page.getByTestId('video-name').fill('Birds at dawn, by the river')
      await page.getByTestId('video-privacy').selectOption('1')
      await page.getByTestId('edit-submit').click()
      await page.getByTestId('edit-saved').waitFor()

      const video = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
      expect(video.name).to.equal('Birds at dawn, by the river')
      expect(video.privacy.id).to.equal(1)
      const mine = (await instance.api().get(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).expect(200)).body
      expect(mine).not.to.have.property('scheduledUpdate')
      expect(member.unexpectedProblems()).to.deep.equal([])
    })
  })

  describe('My account and my channels', function () {
    it('changes the profile and avatar, and refuses a wrong current password in words', async function () {
      const { page } = member
      await page.getByTestId('nav-account').click()
      await page.getByTestId('my-account-page').waitFor()
      await page.getByTestId('avatar-input').setInputFiles(await picture(join(dir, 'me.png'), 200, 200))
      await page.getByTestId('avatar-image').waitFor()
      await page.getByTestId('profile-display-name').fill('Jeanne D.')
      await page.getByTestId('profile-description').fill('I film birds.')
      await page.getByTestId('profile-save').click()
      await page.getByTestId('profile-saved').waitFor()
      await page.getByTestId('nav-account').filter({ hasText: 'Jeanne D.' }).waitFor()
      expect(await page.getByTestId('nav-account').locator('img.avatar').count()).to.equal(1)

      await page.getByTestId('email-new').fill('jeanne.d@example.com')
      await page.getByTestId('email-current-password').fill('not my password')
      await page.getByTestId('email-save').click()
      expect(await page.getByTestId('currentPassword-error').textContent()).to.equal('Your current password is not right.')
      await page.getByTestId('email-current-password').fill('a long password')
      await page.getByTestId('email-save').click()
      await page.getByTestId('email-current').filter({ hasText: 'jeanne.d@example.com' }).waitFor()

      await page.getByTestId('password-current').fill('a long password')
      await page.getByTestId('password-new').fill('the new password')
      await page.getByTestId('password-confirm').fill('the new passw0rd')
      await page.getByTestId('password-save').click()
      expect(await page.getByTestId('password-confirm-error').textContent()).to.equal('The two new passwords differ.')
      await page.getByTestId('password-confirm').fill('the new password')
      await page.getByTestId('password-save').click()
      await page.getByTestId('password-saved').waitFor()
      await instance.login('jeanne', 'the new password')

      await page.getByTestId('setting-p2p').uncheck()
      await waitUntil(async () => (await instance.api().get('/api/v1/users/me').set(auth(await instance.login('jeanne', 'the new password')))).body.p2pEnabled === false)
      const account = (await instance.api().get('/api/v1/accounts/jeanne').expect(200)).body
      expect(account).to.include({ displayName: 'Jeanne D.', description: 'I film birds.' })
      expect(account.avatars.length).to.be.greaterThan(0)
      await member.screenshot('my-account')
      // The refused password is the only console error; later tests start clean.
      expect(member.unexpectedProblems([ /status of 401 .*\/api\/v1\/users\/me/ ])).to.deep.equal([])
      member.problems.splice(0)
    })

    it('creates a channel and edits all of it: name, description, support, avatar and banner', async function () {
      const { page } = member
      await page.goto('/my-library/video-channels')
      await page.getByTestId('channel-create-name').fill('jeanne_birds')
      await page.getByTestId('channel-create-display-name').fill('Birds')
      await page.getByTestId('channel-create-submit').click()
      await page.locator('[data-testid="my-channel"][data-name="jeanne_birds"] [data-testid="channel-edit"]').click()
      await page.getByTestId('channel-edit-page').waitFor()
      await page.getByTestId('banner-input').setInputFiles(await picture(join(dir, 'banner.png'), 1920, 317))
      await page.getByTestId('banner-image').waitFor()
      await page.getByTestId('avatar-input').setInputFiles(await picture(join(dir, 'channel.png'), 300, 300))
      await page.getByTestId('avatar-image').waitFor()
      await page.getByTestId('channel-display-name').fill('Birds of the river')
      await page.getByTestId('channel-description-input').fill('Every **morning**.')
      await page.getByTestId('channel-support').fill('Seeds welcome.')
      await page.getByTestId('channel-save').click()
      await page.getByTestId('channel-saved').waitFor()

      await page.goto('/c/jeanne_birds')
      expect(await page.getByTestId('channel-name').textContent()).to.equal('Birds of the river')
      await page.getByTestId('channel-banner').waitFor()
      expect(await page.getByTestId('channel-description').locator('strong').textContent()).to.equal('morning')
      await page.getByTestId('support-open').click()
      expect(await page.getByTestId('support-text').textContent()).to.include('Seeds welcome.')
      await member.screenshot('channel-page')
      await page.getByTestId('support-dialog-close').click()

      await page.goto('/my-library/video-channels')
      page.once('dialog', dialog => { void dialog.accept() })
      await page.locator('[data-testid="my-channel"][data-name="jeanne_birds"] [data-testid="channel-delete"]').click()
      await page.locator('[data-testid="my-channel"][data-name="jeanne_birds"]').waitFor({ state: 'detached' })
      await instance.api().get('/api/v1/video-channels/jeanne_birds').expect(404)
      expect(member.unexpectedProblems()).to.deep.equal([])
    })

    it('another user gets the "not allowed" page for this video\'s edit page and this channel\'s', async function () {
      const other = await createUser(instance, 'lucas')
      const viewer = await ViewerPage.open(browser, instance.url)
      try {
        await logInThroughForm(viewer.page, other.username, other.password)
        await viewer.page.goto(`/videos/update/${uuid}`)
        await viewer.page.locator('[data-testid="unavailable"][data-kind="forbidden"]').waitFor()
        await viewer.page.goto('/my-library/video-channels/update/jeanne_channel')
        await viewer.page.locator('[data-testid="unavailable"][data-kind="forbidden"]').waitFor()
        expect(await viewer.page.getByTestId('channel-edit-form').count()).to.equal(0)
      } finally {
        await viewer.close()
      }
    })

    it('deletes the account after saying what goes with it and asking for the username', async function () {
      const { page } = member
      await page.goto('/my-account#delete')
      const consequences = await page.getByTestId('delete-account-consequences').textContent()
      expect(consequences).to.match(/your 1 video, with its files/)
      expect(consequences).to.include('cannot be undone')
      expect(await page.getByTestId('delete-account-submit').isDisabled()).to.equal(true)
      await page.getByTestId('delete-account-confirm').fill('jeanne')
      await page.getByTestId('delete-account-submit').click()
      await page.getByTestId('account-deleted').waitFor()
      await page.getByTestId('nav-login').waitFor()
      await instance.api().get('/api/v1/accounts/jeanne').expect(404)
      await instance.api().get(`/api/v1/videos/${uuid}`).expect(404)
      expect(member.unexpectedProblems()).to.deep.equal([])
    })
  })
})
