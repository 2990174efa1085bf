import { expect } from 'chai'
import { logInThroughForm } from '../../browser/shared/pages.js'
import { waitUntil } from '../../shared/wait.js'
import { auth } from '../shared/users.js'
import type { SharingContext } from './sharing-context.js'

export function chapterCases (ctx: SharingContext) {
  const uuid = () => ctx.uuids['Root public']
  const chapters = async () => (await ctx.instance.api().get(`/api/v1/videos/${uuid()}/chapters`).expect(200)).body.chapters
  const put = (body: unknown, token = ctx.instance.accessToken) =>
    ctx.instance.api().put(`/api/v1/videos/${uuid()}/chapters`).set(auth(token)).send(body as object)

  it('reads the chapters of the uploaded file\'s container', async function () {
    expect(await chapters()).to.deep.equal([ { timecode: 0, title: 'Opening' }, { timecode: 1, title: 'The rest' } ])
  })

  it('replaces them, sorted, and federates them at the Video object\'s hasParts as PeerTube does', async function () {
    await put({ chapters: [ { timecode: 1, title: 'Second' }, { timecode: 0, title: 'First' } ] }).expect(204)
    expect(await chapters()).to.deep.equal([ { timecode: 0, title: 'First' }, { timecode: 1, title: 'Second' } ])

    const object = (await ctx.instance.api().get(`/videos/watch/${uuid()}`).set('Accept', 'application/activity+json').expect(200)).body
    const parts = (await ctx.instance.api().get(new URL(object.hasParts).pathname).set('Accept', 'application/activity+json').expect(200)).body
    expect(parts.id).to.equal(object.hasParts)
    expect(parts.hasPart).to.deep.equal([ { name: 'First', startOffset: 0, endOffset: 1 }, { name: 'Second', startOffset: 1, endOffset: 2 } ])
  })

  it('shows them under the player on the watch page, each seeking to its start', async function () {
    const page = await ctx.newPage()
    try {
      await page.goto(`${ctx.instance.url}/w/${uuid()}?mode=http`)
      const buttons = page.getByTestId('chapter')
      await buttons.nth(1).waitFor()
      expect(await buttons.allTextContents()).to.deep.equal([ '0:00 First', '0:01 Second' ])
      // Before play, a chapter starts the player at its start. (Browser-side code as strings: the tests are compiled
      // without the DOM types; polled from here, since the CSP forbids the eval of Playwright's string predicates.)
      await page.evaluate(`(() => {
        const video = document.querySelector('video')
        window.seekedAt = []
        video.addEventListener('seeked', () => window.seekedAt.push(video.currentTime))
      })()`)
      await buttons.nth(1).click()
      const seekedAt = await waitUntil(async () => {
        const times = await page.evaluate<number[]>('window.seekedAt')
        return times.length > 0 && times
      })
      expect(Math.abs(seekedAt[0] - 1)).to.be.below(0.3)
    } finally {
      await page.context().close()
    }
  })

  it('lets the owner edit them as text on the video\'s edit page', async function () {
    const page = await ctx.newPage()
    try {
      await logInThroughForm(page, 'root', ctx.instance.rootPassword)
      await page.goto(`/videos/update/${uuid()}`)
      const text = page.getByTestId('chapters-text')
      await waitUntil(async () => await text.inputValue() === '0:00 First\n0:01 Second')

      await text.fill('0:00 Intro\nnot a chapter')
      await page.getByTestId('chapters-save').click()
      expect(await page.getByTestId('chapters-error').textContent()).to.include('not a chapter')

      await text.fill('0:00 Intro\n0:01 Main part')
      await page.getByTestId('chapters-save').click()
      await page.getByTestId('chapters-saved').waitFor()
      expect(await chapters()).to.deep.equal([ { timecode: 0, title: 'Intro' }, { timecode: 1, title: 'Main part' } ])
    } finally {
      await page.context().close()
    }
  })

  it('refuses bad chapters and other users, and keeps the current ones', async function () {
    const bad: unknown[] = [
      { chapters: [ { timecode: 0, title: 'A' }, { timecode: 0, title: 'B' } ] },
      { chapters: [ { timecode: -1, title: 'A' } ] },
      { chapters: [ { timecode: 0.5, title: 'A' } ] },
      { chapters: [ { timecode: 0, title: '' } ] },
      { chapters: [ { timecode: 0, title: 'x'.repeat(101) } ] },
      { chapters: [ { timecode: 999, title: 'After the end' } ] },
      { chapters: 'none' }
    ]
    for (const body of bad) {
      const res = await put(body).expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(Object.keys(res.body['invalid-params'])[0]).to.match(/^chapters/)
    }
    await put({ chapters: [] }, ctx.alice.token).expect(403)
    expect((await chapters()).length).to.equal(2)

    await put({ chapters: [] }).expect(204)
    expect(await chapters()).to.deep.equal([])
  })
}
