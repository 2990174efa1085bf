import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { auth, createUser, type CreatedUser } from '../api/shared/users.js'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, SCREENSHOT_DIR, ViewerPage } from './shared/browser.js'
import { logInThroughForm } from './shared/pages.js'

// The watch page's likes and comments, and the moderators' comments list, in a real browser.

const NO_TRANSCODING = { transcoding: { enabled: false, hls: { enabled: false } } }

describe('Comments and ratings in a real browser', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let viewer: ViewerPage
  let admin: ViewerPage
  let alice: CreatedUser
  let dir: string
  let uuid: string
  let reviewedUuid: string
  let busiestThreadId: number

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('browser-comments')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: NO_TRANSCODING })
    alice = await createUser(instance, 'alice')
    const [ open, reviewed ] = await Promise.all([
      uploadVideo(instance, clip, { name: 'Talk to me' }),
      uploadVideo(instance, clip, { name: 'Moderated talk', extra: { commentsPolicy: 3 } })
    ])
    uuid = open.body.video.uuid
    reviewedUuid = reviewed.body.video.uuid

    // Twelve threads by the owner (more than a page), one of them answered.
    for (let i = 1; i <= 12; i++) {
      const res = await instance.api().post(`/api/v1/videos/${uuid}/comment-threads`).set(auth(instance.accessToken)).send({ text: `Thread number ${i}` }).expect(200)
      if (i === 3) busiestThreadId = res.body.comment.id
    }
    await instance.api().post(`/api/v1/videos/${uuid}/comments/${busiestThreadId}`).set(auth(instance.accessToken)).send({ text: 'The owner answers' }).expect(200)

    browser = await launchBrowser()
    ;[ viewer, admin ] = await Promise.all([ ViewerPage.open(browser, instance.url), ViewerPage.open(browser, instance.url) ])
    for (const page of [ viewer.page, admin.page ]) page.on('dialog', dialog => void dialog.accept())
    await Promise.all([ logInThroughForm(viewer.page, 'alice', alice.password), logInThroughForm(admin.page, 'root', instance.rootPassword) ])
  })

  after(async function () {
    for (const page of [ viewer, admin ]) if (page?.problems.length) console.log('    Console errors seen:', page.problems)
    console.log(`    Screenshots: ${SCREENSHOT_DIR}`)
    await browser?.close()
    await instance.stop()
    await removeDir(dir)
  })

  it('likes, then dislikes the video; the buttons show the counts and the user\'s choice', async function () {
    const { page } = viewer
    await page.goto(`/w/${uuid}`)
    await page.getByTestId('video-rating').waitFor()

    await page.getByTestId('like-button').click()
    await page.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor()
    expect(await page.getByTestId('likes-count').textContent()).to.equal('1')
    await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.likes === 1)

    await page.reload()
    await page.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor()
    await page.getByTestId('dislike-button').click()
    await page.locator('[data-testid="dislike-button"][aria-pressed="true"]').waitFor()
    expect([ await page.getByTestId('likes-count').textContent(), await page.getByTestId('dislikes-count').textContent() ]).to.deep.equal([ '0', '1' ])
    await waitUntil(async () => {
      const video = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
      return video.likes === 0 && video.dislikes === 1
    })
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('shows ten threads, loads the others, and sorts by most replies', async function () {
    const { page } = viewer
    const threads = page.locator('[data-testid="comment-thread"]')
    await threads.nth(9).waitFor()
    expect(await threads.count()).to.equal(10)
    expect(await page.getByTestId('comments-total').getAttribute('data-count')).to.equal('13')

    await page.getByTestId('comments-more').click()
    await threads.nth(11).waitFor()
    expect(await page.getByTestId('comments-more').count()).to.equal(0)

    await page.getByTestId('comments-sort').selectOption('-totalReplies')
    await page.locator(`[data-testid="comment-thread"]:first-child[data-id="${busiestThreadId}"]`).waitFor()
  })

  it('writes a comment with Markdown, answers a reply, and deletes the comment', async function () {
    const { page } = viewer
    await page.getByTestId('comment-input').fill('Hello **world**, <script>alert(1)</script>')
    await page.getByTestId('comment-submit').click()
    const mine = page.locator('[data-testid="comment-thread"]').filter({ hasText: 'Hello' }).first()
    await mine.locator('strong', { hasText: 'world' }).waitFor()
    expect(await mine.locator('script').count()).to.equal(0)

    const busiest = page.locator(`[data-testid="comment-thread"][data-id="${busiestThreadId}"]`)
    await busiest.getByTestId('comment-replies-toggle').click()
    const ownerReply = busiest.locator('.comment-replies [data-testid="comment"]').filter({ hasText: 'The owner answers' })
    await ownerReply.getByTestId('comment-reply').click()
    await busiest.getByTestId('reply-input').fill('Thanks for answering')
    await busiest.getByTestId('reply-submit').click()
    await busiest.locator('.comment-replies .comment-replies [data-testid="comment"]').filter({ hasText: 'Thanks for answering' }).waitFor()
    await viewer.screenshot('watch-comments')

    await mine.locator('[data-testid="comment"]').first().getByTestId('comment-delete').click()
    await waitUntil(async () => (await page.locator('[data-testid="comment-thread"]').filter({ hasText: 'Hello' }).count()) === 0)
    const [ row ] = await instance.sql<{ deletedAt: Date | null }>('SELECT "deletedAt" FROM "videoComment" WHERE text = \'\' AND "accountId" = $1', [ alice.accountId ])
    expect(row.deletedAt).to.not.equal(null)
    expect(viewer.unexpectedProblems()).to.deep.equal([])
  })

  it('tells the author a comment waits for approval; a moderator approves it from the comments list', async function () {
    const { page } = viewer
    await page.goto(`/w/${reviewedUuid}`)
    await page.getByTestId('comments-moderated').waitFor()
    await page.getByTestId('comment-input').fill('Is this allowed?')
    await page.getByTestId('comment-submit').click()
    await page.getByTestId('comment-held-notice').waitFor()
    await page.locator('[data-testid="comment"][data-held="true"]').filter({ hasText: 'Is this allowed?' }).waitFor()

    await admin.page.goto('/admin')
    await admin.page.getByTestId('admin-tab-comments').click()
    await admin.page.getByTestId('admin-comments-held').check()
    const row = admin.page.locator('[data-testid="admin-comment-row"][data-held="true"]').filter({ hasText: 'Is this allowed?' })
    await row.getByTestId('admin-comment-approve').click()
    await admin.page.getByTestId('admin-comments-empty').waitFor()
    await admin.screenshot('admin-comments')

    await page.reload()
    await page.locator('[data-testid="comment"][data-held="false"]').filter({ hasText: 'Is this allowed?' }).waitFor()
    const anonymous = (await instance.api().get(`/api/v1/videos/${reviewedUuid}/comment-threads`).expect(200)).body
    expect(anonymous.data.map((c: any) => c.text)).to.deep.equal([ 'Is this allowed?' ])
    expect(viewer.unexpectedProblems()).to.deep.equal([])
    expect(admin.unexpectedProblems()).to.deep.equal([])
  })
})
