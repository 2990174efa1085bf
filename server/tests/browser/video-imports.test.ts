import { createReadStream } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { launchBrowser, ViewerPage } from './shared/browser.js'
import { logInThroughForm } from './shared/pages.js'

// A user imports a video by URL from the import page: a web page is refused with the server's reason next to the
// field, a video file is accepted and its import shows in My imports until it succeeds.

describe('The import page in a browser', function () {
  const instance = new TestInstance(1)
  let browser: Browser
  let viewer: ViewerPage
  let media: Server
  let mediaUrl: string
  let dir: string

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('import-page')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    media = createServer((req, res) => {
      if (req.url === '/clip.mp4') createReadStream(clip).pipe(res.writeHead(200, { 'Content-Type': 'video/mp4' }))
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>')
    })
    await new Promise<void>(resolve => media.listen(0, '127.0.0.1', resolve))
    mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`
    await Promise.all([
      instance.flushAndStart({ config: { transcoding: { hls: { enabled: false } } } }),
      launchBrowser().then(b => { browser = b })
    ])
    viewer = await ViewerPage.open(browser, instance.url)
  })

  after(async function () {
    await browser?.close()
    await instance.stop()
    await new Promise<void>(resolve => media ? media.close(() => resolve()) : resolve())
    await removeDir(dir)
  })

  it('refuses a page with its reason, imports a video file and follows it in My imports', async function () {
    const { page } = viewer
    await logInThroughForm(page, 'root', instance.rootPassword)
    await page.goto(`${instance.url}/upload`)
    await page.getByTestId('upload-to-import').click()
    await page.getByTestId('import-tab-url').waitFor()
    expect(await page.getByTestId('import-tab-torrent').count()).to.equal(1)
    expect(await page.getByTestId('import-tab-magnet').count()).to.equal(1)

    await page.getByTestId('import-url').fill(`${mediaUrl}/page.html`)
    await page.getByTestId('import-submit').click()
    expect(await page.getByTestId('targetUrl-error').textContent()).to.match(/video file: it answered text\/html/)

    await page.getByTestId('import-url').fill(`${mediaUrl}/clip.mp4`)
    await page.getByTestId('import-name').fill('Imported in a browser')
    await page.getByTestId('import-submit').click()
    await page.getByTestId('import-started').waitFor()
    await page.getByTestId('import-see-list').click()

    const row = page.getByTestId('my-import').first()
    await row.waitFor()
    expect(await row.textContent()).to.include('Imported in a browser')
    // The list shows the state it read: refresh until the import is done.
    await waitUntil(async () => {
      await page.getByTestId('imports-refresh').click()
      return await row.getAttribute('data-state') === '2'
    }, 60_000, 500)
    expect(await row.getByTestId('import-state').textContent()).to.equal('Success')
  })
})
