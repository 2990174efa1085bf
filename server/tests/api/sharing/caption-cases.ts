import { expect } from 'chai'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { waitUntil } from '../../shared/wait.js'
import { logInThroughForm } from '../../browser/shared/pages.js'
import { auth } from '../shared/users.js'
import type { SharingContext } from './sharing-context.js'

const SRT = '1\r\n00:00:00,000 --> 00:00:00,800\r\n<font color="red">Bonjour</font> à tous\r\n\r\n2\r\n00:00:00,800 --> 00:00:01,000\r\nFin\r\n'
const VTT = 'WEBVTT\n\nNOTE a comment\n\nintro\n00:00.000 --> 00:00.900 line:0\n<b>Hello</b>\n'

export function captionCases (ctx: SharingContext) {
  const files: Record<string, string> = {}
  const uuid = () => ctx.uuids['Root public']
  const put = (language: string, file: string, token = ctx.instance.accessToken, id = uuid()) =>
    ctx.instance.api().put(`/api/v1/videos/${id}/captions/${language}`).set(auth(token)).attach('captionfile', files[file])
  const list = async (id = uuid()) => (await ctx.instance.api().get(`/api/v1/videos/${id}/captions`).expect(200)).body

  before(async function () {
    const entries: [ string, string | Buffer ][] = [
      [ 'fr.srt', SRT ], [ 'en.vtt', VTT ], [ 'prose.srt', 'Just a letter to a friend.\n\nNothing timed here.\n' ],
      [ 'empty.vtt', 'WEBVTT\n' ], [ 'binary.vtt', Buffer.from([ 0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70 ]) ]
    ]
    for (const [ name, content ] of entries) {
      files[name] = join(ctx.dir, name)
      await writeFile(files[name], content)
    }
  })

  it('stores a SubRip file as WebVTT and a WebVTT file as is, one per language', async function () {
    await put('fr', 'fr.srt').expect(204)
    await put('en', 'en.vtt').expect(204)

    const { total, data } = await list()
    expect(total).to.equal(2)
    expect(data.map((c: any) => c.language)).to.deep.equal([ { id: 'en', label: 'English' }, { id: 'fr', label: 'French' } ])
    expect(data[1].captionPath).to.match(/^\/lazy-static\/video-captions\/[0-9a-f-]{36}-fr\.vtt$/)

    const fr = await ctx.instance.api().get(data[1].captionPath).expect(200)
    expect(fr.headers['content-type']).to.match(/^text\/vtt/)
    expect(fr.headers['access-control-allow-origin']).to.equal('*')
    expect(fr.text).to.equal('WEBVTT\n\n00:00:00.000 --> 00:00:00.800\nBonjour à tous\n\n00:00:00.800 --> 00:00:01.000\nFin\n')
    expect((await ctx.instance.api().get(data[0].captionPath).expect(200)).text).to.equal(VTT)
  })

  it('replaces a language\'s caption under a new URL and removes the old file', async function () {
    const before = (await list()).data.find((c: any) => c.language.id === 'en').captionPath
    await put('en', 'fr.srt').expect(204)
    const after = (await list()).data.find((c: any) => c.language.id === 'en').captionPath
    expect(after).to.not.equal(before)
    await waitUntil(async () => (await ctx.instance.api().get(before)).status === 404)
  })

  it('refuses what is not a subtitle file, unknown languages and other users, with problem+json', async function () {
    for (const file of [ 'prose.srt', 'empty.vtt', 'binary.vtt' ]) {
      const res = await put('de', file).expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params']).to.have.property('captionfile')
    }
    expect((await put('xx-nope', 'en.vtt').expect(400)).body['invalid-params']).to.have.property('captionLanguage')
    const missing = await ctx.instance.api().put(`/api/v1/videos/${uuid()}/captions/de`).set(auth(ctx.instance.accessToken)).expect(400)
    expect(missing.body['invalid-params']).to.have.property('captionfile')
    await put('de', 'en.vtt', ctx.alice.token).expect(403)
    // (no file: refused before its body is read, a file being sent could meet a closed socket)
    await ctx.instance.api().put(`/api/v1/videos/${uuid()}/captions/de`).expect(401)
    await put('de', 'en.vtt', ctx.instance.accessToken, '00000000-0000-4000-8000-000000000000').expect(404)
    expect((await list()).total).to.equal(2)
  })

  it('federates captions in the Video object\'s subtitleLanguage, as PeerTube does', async function () {
    const object = (await ctx.instance.api().get(`/videos/watch/${uuid()}`).set('Accept', 'application/activity+json').expect(200)).body
    expect(object.subtitleLanguage.map((s: any) => [ s.identifier, s.name ])).to.deep.equal([ [ 'en', 'English' ], [ 'fr', 'French' ] ])
    expect(object.subtitleLanguage[1].url).to.match(new RegExp(`^${ctx.instance.url}/lazy-static/video-captions/[0-9a-f-]{36}-fr\\.vtt$`))
  })

  it('lists captions in feeds (Media RSS subtitles and podcast transcripts)', async function () {
    const rss = (await ctx.instance.api().get('/feeds/videos.xml').expect(200)).text
    // (@peertube/feed, PeerTube's own feed library, writes one media:subTitle per item: the last language)
    expect(rss).to.match(/<media:subTitle href="[^"]+-fr\.vtt" type="text\/vtt" lang="fr"\/>/)
    const podcast = (await ctx.instance.api().get('/feeds/podcast/videos.xml').query({ videoChannelId: ctx.rootChannelId }).expect(200)).text
    expect(podcast).to.match(/<podcast:transcript url="[^"]+-fr\.vtt" type="text\/vtt" language="fr" rel="captions"\/>/)
  })

  it('shows them in the player: a subtitles track per language, with its cues', async function () {
    const page = await ctx.newPage()
    try {
      await page.goto(`${ctx.instance.url}/videos/embed/${uuid()}?mode=http`)
      // (browser-side code as strings: the tests are compiled without the DOM types; waits are locators or
      // polls from here, since the CSP forbids the eval that Playwright's string predicates use)
      await page.locator('video track').nth(1).waitFor({ state: 'attached' })
      const french = await page.evaluate<{ kind: string, label: string, cues: string[] }>(`(async () => {
        const track = [ ...document.querySelector('video').textTracks ].find(t => t.language === 'fr')
        track.mode = 'showing'
        for (let i = 0; i < 100 && !(track.cues && track.cues.length); i++) await new Promise(resolve => setTimeout(resolve, 50))
        return { kind: track.kind, label: track.label, cues: [ ...(track.cues || []) ].map(c => c.text) }
      })()`)
      expect(french).to.deep.equal({ kind: 'subtitles', label: 'French', cues: [ 'Bonjour à tous', 'Fin' ] })
    } finally {
      await page.context().close()
    }
  })

  it('lets the owner add and remove captions from the video\'s edit page', async function () {
    const page = await ctx.newPage()
    try {
      await logInThroughForm(page, 'root', ctx.instance.rootPassword)
      await page.goto(`/videos/update/${uuid()}`)
      const items = page.getByTestId('caption-item')
      await items.nth(1).waitFor()
      await page.getByTestId('caption-language').selectOption('de')
      await page.getByTestId('caption-file').setInputFiles(files['fr.srt'])
      await page.getByTestId('caption-upload').click()
      await items.nth(2).waitFor()
      expect(await items.allTextContents()).to.deep.equal([ 'German Remove', 'English Remove', 'French Remove' ])

      await items.nth(0).getByRole('button', { name: 'Remove' }).click()
      await waitUntil(async () => await items.count() === 2)
      expect((await list()).data.map((c: any) => c.language.id)).to.deep.equal([ 'en', 'fr' ])
    } finally {
      await page.context().close()
    }
  })

  it('deletes a caption, then answers 404 for it', async function () {
    const path = (await list()).data.find((c: any) => c.language.id === 'fr').captionPath
    await ctx.instance.api().delete(`/api/v1/videos/${uuid()}/captions/fr`).set(auth(ctx.alice.token)).expect(403)
    await ctx.instance.api().delete(`/api/v1/videos/${uuid()}/captions/fr`).set(auth(ctx.instance.accessToken)).expect(204)
    await ctx.instance.api().delete(`/api/v1/videos/${uuid()}/captions/fr`).set(auth(ctx.instance.accessToken)).expect(404)
    expect((await list()).data.map((c: any) => c.language.id)).to.deep.equal([ 'en' ])
    await waitUntil(async () => (await ctx.instance.api().get(path)).status === 404)
  })
}
