import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { logInThroughForm } from './shared/pages.js'
import { registerRunner, RUNNERS_CONFIG } from '../api/runners/shared/runner-fixtures.js'

describe('Remote runners admin page in a real browser', function () {
  const instance = new TestInstance(3)
  let browser: Browser
  let admin: ViewerPage
  let dir: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-runners')
    const [ clip ] = await Promise.all([
      generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2 }),
      instance.flushAndStart({ config: { ...RUNNERS_CONFIG, remote_runners: { ...RUNNERS_CONFIG.remote_runners, stalled_jobs: { vod: '10 minutes', live: '10 minutes' } } } })
    ])
    const upload = await uploadVideo(instance, clip, { name: 'Waiting for runners' })
    expect(upload.status).to.equal(200)
    browser = await launchBrowser()
    admin = await ViewerPage.open(browser, instance.url)
    admin.page.on('dialog', dialog => void dialog.accept())
    await logInThroughForm(admin.page, 'root', instance.rootPassword)
  })

  after(async function () {
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  it('generates a registration token a runner registers with, and lists the runner and its job', async function () {
    const { page } = admin
    await page.goto(`${instance.url}/admin/runners`)
    await page.getByTestId('admin-tab-runners').waitFor()
    await page.getByTestId('admin-runners-empty').waitFor()
    await page.getByTestId('admin-runner-token-generate').click()
    const token = (await page.getByTestId('admin-runner-token').first().textContent())!.trim()
    expect(token).to.match(/^ptrrt-/)

    const runner = await registerRunner(instance, token, 'gpu-box')
    // The upload's ladder becomes runner jobs once its transcoding job ran.
    const available = await waitUntil(async () => {
      const { body } = await instance.api().post('/api/v1/runners/jobs/request').send({ runnerToken: runner.runnerToken }).expect(200)
      return body.availableJobs.length >= 2 ? body.availableJobs as { uuid: string }[] : undefined
    }, 30_000)
    await instance.api().post(`/api/v1/runners/jobs/${available[0].uuid}/accept`).send({ runnerToken: runner.runnerToken }).expect(200)

    const row = page.locator('[data-testid="admin-runner-row"][data-name="gpu-box"]')
    await row.waitFor({ timeout: 15_000 })
    await waitUntil(async () => (await row.getByTestId('admin-runner-jobs').textContent())?.includes('1 running'), 15_000)
    await page.locator('[data-testid="admin-runner-job-row"][data-state="2"]').first().waitFor()
    await waitUntil(async () => (await page.getByTestId('admin-runner-token-count').first().textContent()) === '1', 15_000)
    await admin.screenshot('admin-runners')
  })

  it('trusts and disables a runner, and cancels a job', async function () {
    const { page } = admin
    const row = page.locator('[data-testid="admin-runner-row"][data-name="gpu-box"]')
    await row.getByTestId('admin-runner-trusted').check()
    await row.getByTestId('admin-runner-toggle').click()
    await waitUntil(async () => (await row.getByTestId('admin-runner-state').textContent())?.includes('Disabled'), 15_000)
    const [ stored ] = await instance.sql<{ trusted: boolean, disabledReason: string | null }>('SELECT trusted, "disabledReason" FROM runner')
    expect(stored.trusted).to.equal(true)
    expect(stored.disabledReason).to.be.a('string')

    const pending = page.locator('[data-testid="admin-runner-job-row"][data-state="1"]').first()
    await pending.getByRole('button', { name: 'Cancel' }).click()
    await page.locator('[data-testid="admin-runner-job-row"][data-state="6"]').first().waitFor()
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })
})
