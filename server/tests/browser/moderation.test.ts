import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, SCREENSHOT_DIR, ViewerPage } from './shared/browser.js'
import { BROWSER_INSTANCE_CONFIG, waitForTranscodingEnd } from './shared/fixtures.js'
import { logInThroughForm } from './shared/pages.js'

/** Refusals these tests cause on purpose (an empty reason): Chromium logs them as failed loads. */
const EXPECTED_REFUSALS = [ /status of 400/ ]

describe('Moderation in a real browser: registration approval, reports, the moderation lists, mutes, blocks', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let admin: ViewerPage
  let newcomer: ViewerPage
  let dir: string
  let videoUuid: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-moderation')
    const [ clip ] = await Promise.all([
      generateClip(join(dir, 'clip.mp4'), { width: 426, height: 240, durationSeconds: 4 }),
      instance.flushAndStart({ config: { ...BROWSER_INSTANCE_CONFIG, signup: { enabled: true, requires_approval: true, limit: -1 } } })
    ])
    const res = await uploadVideo(instance, clip, { name: 'A video to report' })
    expect(res.status).to.equal(200)
    videoUuid = res.body.video.uuid
    await waitForTranscodingEnd(instance, videoUuid)

    browser = await launchBrowser()
    ;[ admin, newcomer ] = await Promise.all([ ViewerPage.open(browser, instance.url), ViewerPage.open(browser, instance.url) ])
    admin.page.on('dialog', dialog => void dialog.accept())
    await logInThroughForm(admin.page, 'root', instance.rootPassword)
  })

  after(async function () {
    for (const viewer of [ admin, newcomer ]) if (viewer?.problems.length) console.log('    Console errors seen:', viewer.problems)
    console.log(`    Screenshots: ${SCREENSHOT_DIR}`)
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  it('asks for an account with the sign-up form (its approval variant), which a moderator accepts with a response', async function () {
    const { page } = newcomer
    // The old request page leads to the one sign-up flow, which asks for the reason itself.
    await page.goto('/signup/request')
    await page.locator('[data-testid="signup-page"][data-approval="true"]').waitFor()
    expect(new URL(page.url()).pathname).to.equal('/signup')
    await page.goto('/login')
    await page.getByTestId('login-signup-link').click()
    await page.getByTestId('signup-approval-notice').waitFor()
    await page.getByTestId('signup-accept').check()
    await page.getByTestId('signup-next').click()
    await page.getByTestId('signup-username').fill('newcomer')
    await page.getByTestId('signup-email').fill('newcomer@example.com')
    await page.getByTestId('signup-password').fill('a long password')
    // No reason: said under its field, and nothing is sent.
    await page.getByTestId('signup-submit').click()
    await page.getByTestId('registrationReason-error').waitFor()
    await page.getByTestId('signup-registrationReason').fill('I make videos about birds')
    await page.getByTestId('signup-submit').click()
    await page.locator('[data-testid="signup-done"][data-outcome="requested"]').waitFor()

    await admin.page.goto('/admin')
    await admin.page.getByTestId('admin-tab-moderation').click()
    await admin.page.getByTestId('moderation-tab-registrations').click()
    const row = admin.page.locator('[data-testid="registration-row"][data-username="newcomer"]')
    await row.getByTestId('registration-reason').filter({ hasText: 'birds' }).waitFor()
    await row.getByTestId('registration-response').fill('Welcome aboard')
    await row.getByTestId('registration-accept').click()
    await admin.page.locator('[data-testid="registration-row"][data-username="newcomer"][data-state="3"]').waitFor()
    await admin.screenshot('moderation-registrations')

    await logInThroughForm(page, 'newcomer', 'a long password')
    expect(newcomer.unexpectedProblems(EXPECTED_REFUSALS)).to.deep.equal([])
  })

  it('reports a video from its watch page, with the reason the server asks for', async function () {
    const { page } = newcomer
    await page.goto(`/w/${videoUuid}`)
    await page.getByTestId('report-video').click()
    const dialog = page.getByTestId('report-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('report-submit').click()
    await dialog.getByTestId('report-reason-error').waitFor()

    await dialog.getByTestId('report-predefined-spamOrMisleading').check()
    await dialog.getByTestId('report-reason').fill('The title promises birds, there are none')
    await dialog.getByTestId('report-start').fill('0:01')
    await dialog.getByTestId('report-end').fill('0:03')
    await dialog.getByTestId('report-submit').click()
    await dialog.getByTestId('report-done').waitFor()
    await newcomer.screenshot('moderation-report-dialog')

    const abuses = await instance.api().get('/api/v1/abuses').set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
    expect(abuses.body.data[0]).to.deep.include({ reason: 'The title promises birds, there are none', predefinedReasons: [ 'spamOrMisleading' ] })
    expect(abuses.body.data[0].video).to.deep.include({ uuid: videoUuid, startAt: 1, endAt: 3 })
    expect(newcomer.unexpectedProblems(EXPECTED_REFUSALS)).to.deep.equal([])
  })

  it('lists the report for moderators, who answer the reporter and accept it; the reporter sees both', async function () {
    const { page } = admin
    await page.getByTestId('moderation-tab-abuses').click()
    await page.getByTestId('abuses-filter-state').selectOption('1')
    const row = page.locator('[data-testid="abuse-row"][data-state="1"]').filter({ hasText: 'promises birds' })
    await row.waitFor()
    expect(await row.getByTestId('abuse-object-link').textContent()).to.equal('A video to report')

    await row.getByTestId('abuse-messages-toggle').click()
    await row.getByTestId('abuse-message-input').fill('Thanks, we are looking at it')
    await row.getByTestId('abuse-message-send').click()
    await row.getByTestId('abuse-note').fill('Misleading title confirmed')
    await row.getByTestId('abuse-accept').click()
    // Accepted reports leave the "pending" filter.
    await page.getByTestId('abuses-empty').waitFor()
    await page.getByTestId('abuses-filter-state').selectOption('3')
    const accepted = page.locator('[data-testid="abuse-row"][data-state="3"]')
    await accepted.getByTestId('abuse-saved-note').filter({ hasText: 'Misleading title confirmed' }).waitFor()
    await admin.screenshot('moderation-reports')

    const reporter = newcomer.page
    await reporter.goto('/my-account')
    await reporter.getByTestId('my-abuses-link').click()
    const mine = reporter.locator('[data-testid="my-abuse-row"][data-state="3"]')
    await mine.waitFor()
    await mine.getByTestId('abuse-messages-toggle').click()
    await mine.locator('[data-testid="abuse-message"][data-by-moderator="true"]').filter({ hasText: 'looking at it' }).waitFor()
    expect(admin.unexpectedProblems()).to.deep.equal([])
    expect(newcomer.unexpectedProblems(EXPECTED_REFUSALS)).to.deep.equal([])
  })

  it('reports a comment from the comment itself; the moderators see it with its text', async function () {
    const posted = await instance.api().post(`/api/v1/videos/${videoUuid}/comment-threads`).set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ text: 'Visit my shop for cheap pills' }).expect(200)
    const { page } = newcomer
    await page.goto(`/w/${videoUuid}`)
    const comment = page.locator(`[data-testid="comment"][data-id="${posted.body.comment.id}"]`)
    await comment.getByTestId('comment-report').click()
    const dialog = page.getByTestId('report-dialog')
    // The dialog quotes the comment it reports.
    await dialog.getByTestId('report-comment-excerpt').filter({ hasText: 'cheap pills' }).waitFor()
    await dialog.getByTestId('report-predefined-spamOrMisleading').check()
    await dialog.getByTestId('report-reason').fill('Spam in the comments')
    await dialog.getByTestId('report-submit').click()
    await dialog.getByTestId('report-done').waitFor()
    await newcomer.screenshot('moderation-report-comment')

    await admin.page.goto('/admin/moderation/abuses')
    await admin.page.getByTestId('abuses-filter-state').selectOption('1')
    const row = admin.page.locator('[data-testid="abuse-row"]').filter({ hasText: 'Spam in the comments' })
    await row.filter({ hasText: 'cheap pills' }).waitFor()
    expect(await row.getByTestId('abuse-object-link').getAttribute('href')).to.equal(`/w/${videoUuid};threadId=${posted.body.comment.id}`)
    expect(newcomer.unexpectedProblems(EXPECTED_REFUSALS)).to.deep.equal([])
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })

  it('mutes an account from its page: its videos leave that user\'s lists', async function () {
    const { page } = newcomer
    await page.goto('/a/root')
    await page.getByTestId('mute-account').click()
    await page.getByTestId('unmute-account').waitFor()
    await page.goto('/videos/recently-added')
    await page.getByTestId('empty-list').first().waitFor()
    expect(await page.locator(`[data-testid="video-card"][data-uuid="${videoUuid}"]`).count()).to.equal(0)

    await page.goto('/my-account/blocklist')
    await page.locator('[data-testid="muted-account-row"]').first().getByTestId('unmute').click()
    await page.locator('[data-testid="muted-account-row"]').waitFor({ state: 'detached' })
    await page.goto('/videos/recently-added')
    await page.locator(`[data-testid="video-card"][data-uuid="${videoUuid}"]`).waitFor()
    expect(newcomer.unexpectedProblems(EXPECTED_REFUSALS)).to.deep.equal([])
  })

  it('blocks a video from its watch page, then unblocks it from the blocked videos list', async function () {
    const { page } = admin
    await page.goto(`/w/${videoUuid}`)
    await page.getByTestId('block-video').locator('summary').click()
    await page.getByTestId('block-video-reason').fill('Misleading')
    await page.getByTestId('block-video-submit').click()
    await page.getByTestId('video-blocked').waitFor()
    await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${videoUuid}`)).status === 401)

    await page.goto('/admin/moderation/video-blocks')
    const row = page.locator(`[data-testid="video-block-row"][data-uuid="${videoUuid}"]`)
    await row.getByTestId('video-block-unblock').click()
    await page.getByTestId('video-blocks-empty').waitFor()
    await instance.api().get(`/api/v1/videos/${videoUuid}`).expect(200)
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })
})
