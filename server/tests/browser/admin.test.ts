import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, SCREENSHOT_DIR, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, generateBrowserClip, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm, playAndWaitForProgress } from './shared/pages.js'
import { createOf, fakeVideo, followFakeInstance, startFakeInstance } from '../hostile/shared/fake-instances.js'
import { postToInbox } from '../hostile/shared/signed-inbox.js'

describe('Administration in a real browser: users, follows, jobs, a followed instance\'s video', function () {
  const local = new TestInstance(1)
  const remote = new TestInstance(2)
  let browser: Browser
  let admin: ViewerPage
  let dir: string
  let clip: string
  /** The followed instance's video, once stored here. */
  let remoteUuid: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-admin')
    ;[ clip ] = await Promise.all([
      generateBrowserClip(dir),
      local.flushAndStart({ config: BROWSER_INSTANCE_CONFIG }),
      remote.flushAndStart({ config: BROWSER_INSTANCE_CONFIG })
    ])
    browser = await launchBrowser()
    admin = await ViewerPage.open(browser, local.url)
    admin.page.on('dialog', dialog => void dialog.accept())
    await logInThroughForm(admin.page, 'root', local.rootPassword)
  })

  after(async function () {
    if (admin?.problems.length) console.log('    Console errors seen:', admin.problems)
    console.log(`    Screenshots: ${SCREENSHOT_DIR}`)
    await browser?.close()
    await Promise.all([ local.stop(), remote.stop() ])
    await removeDir(dir)
  })

  it('opens the administration from the header, with the instance statistics', async function () {
    const { page } = admin
    await page.getByTestId('nav-admin').click()
    await page.getByTestId('admin-page').waitFor()
    await page.getByTestId('admin-stats').waitFor()
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('creates a user with the admin form, then blocks them', async function () {
    const { page } = admin
    await page.getByTestId('admin-tab-users').click()
    await page.locator('[data-testid="admin-user-row"][data-username="root"]').waitFor()

    await page.getByTestId('admin-user-username').fill('jeanne')
    await page.getByTestId('admin-user-email').fill('jeanne@example.com')
    await page.getByTestId('admin-user-password').fill('a long password')
    await page.getByTestId('admin-user-create-submit').click()
    await page.getByTestId('admin-user-created').waitFor()
    const row = page.locator('[data-testid="admin-user-row"][data-username="jeanne"]')
    await row.waitFor()

    await row.getByTestId('admin-user-block').click()
    await page.locator('[data-testid="admin-user-row"][data-username="jeanne"][data-blocked="true"]').waitFor()
    const users = await local.api().get('/api/v1/users').query({ search: 'jeanne' }).set('Authorization', `Bearer ${local.accessToken}`).expect(200)
    expect(users.body.data[0].blocked).to.equal(true)
    await admin.screenshot('admin-users')
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('changes a runtime setting from the settings page, applied at once', async function () {
    const { page } = admin
    await page.getByTestId('admin-tab-settings').click()
    await page.getByTestId('admin-settings-form').waitFor()
    await page.getByTestId('setting-instance-name').fill('Renamed from the browser')
    await page.getByTestId('admin-settings-save').click()
    await page.getByTestId('admin-settings-saved').waitFor()

    const config = await local.api().get('/api/v1/config').expect(200)
    expect(config.body.instance.name).to.equal('Renamed from the browser')
    await admin.screenshot('admin-settings')
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('follows another instance with the follow form: the row turns accepted and the other side lists the follower', async function () {
    const { page } = admin
    await page.getByTestId('admin-tab-follows').click()
    await page.getByTestId('admin-follow-form').waitFor()
    await page.getByTestId('admin-follow-input').fill(remote.host)
    await page.getByTestId('admin-follow-submit').click()
    await page.getByTestId('admin-follow-done').waitFor()
    // The page looks again by itself while the follow is pending.
    await page.locator(`[data-testid="admin-following-row"][data-host="${remote.host}"][data-state="accepted"]`).waitFor({ timeout: 30_000 })

    const followers = await remote.api().get('/api/v1/server/followers').expect(200)
    expect(followers.body.data.map((f: { follower: { host: string }, state: string }) => [ f.follower.host, f.state ]))
      .to.deep.equal([ [ local.host, 'accepted' ] ])
    await admin.screenshot('admin-follows')
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('lists the follow among the jobs, filtered by type', async function () {
    const { page } = admin
    await page.getByTestId('admin-tab-jobs').click()
    await page.locator('[data-testid="admin-job-row"][data-type="activitypub-follow"]').first().waitFor()
    await admin.screenshot('admin-jobs')

    await page.getByTestId('admin-jobs-type').selectOption('activitypub-follow')
    await waitUntil(async () => {
      const types = await page.getByTestId('admin-job-row').evaluateAll(rows => rows.map(row => row.getAttribute('data-type')))
      return types.length !== 0 && types.every(type => type === 'activitypub-follow')
    })
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('plays a video uploaded on the followed instance', async function () {
    const res = await uploadVideo(remote, clip, { name: 'A video from the other instance' })
    expect(res.status, res.text).to.equal(200)
    const uuid = res.body.video.uuid as string
    remoteUuid = uuid
    await waitForTranscodingEnd(remote, uuid)
    // Announced to followers: instance 1 lists it once the activity arrived.
    await waitUntil(async () => {
      const list = await local.api().get('/api/v1/videos').query({ sort: '-publishedAt' }).expect(200)
      return list.body.data.some((video: { uuid: string }) => video.uuid === uuid)
    }, 60_000, 500)

    const { page } = admin
    await page.getByTestId('home-link').click()
    await page.locator(`[data-testid="video-card"][data-uuid="${uuid}"] [data-testid="video-card-link"]`).first().click()
    await page.locator(`[data-testid="watch-page"][data-uuid="${uuid}"]`).waitFor()
    const state = await playAndWaitForProgress(page, 2)
    expect(state.currentTime).to.be.greaterThan(2)
    expect(await page.getByTestId('video-channel').getAttribute('href')).to.equal(`/c/root_channel@${remote.host}`)
    // Edited at its origin only.
    expect(await page.getByTestId('edit-video').count()).to.equal(0)
    await admin.screenshot('watch-remote')
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('lists identity conflicts: a uuid a second origin claimed, who holds it, who claimed it, under which substitute; gives it to the claimant', async function () {
    const { page } = admin
    await page.getByTestId('nav-admin').click()
    await page.getByTestId('admin-tab-identity-conflicts').click()
    await page.getByTestId('admin-conflicts-empty').waitFor()

    // A followed server publishes a video under the uuid the other instance's video holds here.
    const squatting = await startFakeInstance('squatter')
    try {
      await followFakeInstance(local, squatting)
      const copy = fakeVideo(squatting, { uuid: remoteUuid, name: 'Same uuid, another origin' })
      const delivered = await postToInbox(local, createOf(squatting, copy), squatting.account)
      expect(delivered.status, delivered.text).to.equal(204)
      const substitute = await waitUntil(async () => (await local.sql<{ uuid: string }>('SELECT uuid FROM video WHERE url = $1', [ copy.id ]))[0]?.uuid)

      await page.getByTestId('admin-conflicts-kind').selectOption('video-uuid')
      const row = page.locator('[data-testid="admin-conflict-row"][data-kind="video-uuid"]')
      await row.waitFor()
      expect(await row.getByTestId('admin-conflict-identifier').textContent()).to.equal(remoteUuid)
      expect(await row.getByTestId('admin-conflict-holder').textContent()).to.equal(`${remote.url}/videos/watch/${remoteUuid}`)
      expect(await row.getByTestId('admin-conflict-claimant').textContent()).to.equal(copy.id)
      expect(await row.getByTestId('admin-conflict-outcome').textContent()).to.contain(substitute)

      // The administrator trusts the claimant: the button gives it the uuid, the other video takes the substitute.
      page.once('dialog', dialog => void dialog.accept())
      await row.getByTestId('admin-conflict-give').click()
      await row.getByTestId('admin-conflict-resolved').waitFor()
      expect(await row.getByTestId('admin-conflict-holder').textContent()).to.equal(copy.id)
      expect(await row.getByTestId('admin-conflict-claimant').textContent()).to.equal(`${remote.url}/videos/watch/${remoteUuid}`)
      const uuids = await local.sql<{ url: string, uuid: string }>('SELECT url, uuid FROM video WHERE url IN ($1, $2)', [ copy.id, `${remote.url}/videos/watch/${remoteUuid}` ])
      expect(Object.fromEntries(uuids.map(v => [ v.url, v.uuid ]))).to.deep.equal({ [copy.id]: remoteUuid, [`${remote.url}/videos/watch/${remoteUuid}`]: substitute })

      // Filtered by another kind: none.
      await page.getByTestId('admin-conflicts-kind').selectOption('host-origin')
      await page.getByTestId('admin-conflicts-empty').waitFor()
      await admin.screenshot('admin-identity-conflicts')
      expect(admin.unexpectedProblems()).to.deep.equal([])
    } finally {
      await squatting.server.stop()
    }
  })
})
