import { expect } from 'chai'
import { XMLParser } from 'fast-xml-parser'
import { auth } from '../shared/users.js'
import type { SharingContext } from './sharing-context.js'

/** The head of a page as a link preview crawler reads it: meta tags by property or name, links, JSON-LD. */
function readHead (html: string) {
  const head = html.slice(0, html.indexOf('</head>'))
  const metas = new Map<string, string>()
  for (const match of head.matchAll(/<meta (property|name)="([^"]+)" content="([^"]*)"/g)) metas.set(match[2], match[3].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, '\''))
  const links = [ ...head.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g) ].map(m => ({ type: m[1], href: m[2].replace(/&amp;/g, '&') }))
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(head)?.[1]
  return { metas, links, jsonLd: jsonLd ? JSON.parse(jsonLd) : undefined, title: /<title>([^<]*)<\/title>/.exec(head)?.[1] }
}

export function linkPreviewCases (ctx: SharingContext) {
  const page = async (path: string) => {
    const res = await ctx.instance.api().get(path).set('Accept', 'text/html').expect(200)
    expect(res.headers['content-type']).to.match(/^text\/html/)
    return readHead(res.text)
  }

  describe('Pages', function () {
    it('renders OpenGraph, Twitter player card and JSON-LD into the head of a watch page', async function () {
      const uuid = ctx.uuids['Root public']
      const head = await page(`/videos/watch/${uuid}`)
      expect(head.title).to.equal('Root public - Tubeless test 1')
      expect(head.metas.get('og:type')).to.equal('video')
      expect(head.metas.get('og:title')).to.equal('Root public')
      expect(head.metas.get('og:description')).to.equal('A bold start')
      expect(head.metas.get('og:url')).to.match(/\/w\/\w+$/)
      expect(head.metas.get('og:video:url')).to.equal(`${ctx.instance.url}/videos/embed/${uuid}`)
      expect(head.metas.get('twitter:card')).to.equal('player')
      expect(head.metas.get('twitter:site')).to.equal('@tubeless')
      const image = await fetch(head.metas.get('og:image')!)
      expect(image.status).to.equal(200)
      expect(image.headers.get('content-type')).to.match(/^image\//)

      expect(head.jsonLd['@type']).to.equal('VideoObject')
      expect(head.jsonLd.name).to.equal('Root public')
      expect(head.jsonLd.duration).to.match(/^PT\d+S$/)
      expect(head.jsonLd.embedUrl).to.equal(`${ctx.instance.url}/videos/embed/${uuid}`)
      expect(head.links.map(l => l.type)).to.include('application/json+oembed')

      // The short URL gives the same page; the app still boots from it
      const short = await ctx.instance.api().get(head.metas.get('og:url')!.replace(ctx.instance.url, '')).expect(200)
      expect(short.text).to.include('<div id="app"></div>')
      expect(readHead(short.text).metas.get('og:title')).to.equal('Root public')
    })

    it('marks unlisted videos noindex and says nothing about private ones', async function () {
      const unlisted = await page(`/w/${ctx.uuids['Root unlisted']}`)
      expect(unlisted.metas.get('og:title')).to.equal('Root unlisted')
      expect(unlisted.metas.get('robots')).to.equal('noindex')

      const hidden = await page(`/w/${ctx.uuids['Root private']}`)
      expect(hidden.metas.has('og:title')).to.equal(false)
      expect(hidden.title).to.equal('Tubeless')
      expect((await page('/w/00000000-0000-4000-8000-000000000000')).metas.has('og:title')).to.equal(false)
    })

    it('describes channel and account pages as profiles, with their feeds', async function () {
      const channel = await page('/c/alice_channel')
      expect(channel.metas.get('og:type')).to.equal('profile')
      expect(channel.metas.get('og:title')).to.equal('Main alice channel')
      expect(channel.metas.get('twitter:card')).to.equal('summary')
      expect(channel.jsonLd['@type']).to.equal('ProfilePage')
      expect(channel.jsonLd.mainEntity.name).to.equal('Main alice channel')
      const feed = channel.links.find(l => l.type === 'application/rss+xml')!
      expect((await fetch(feed.href)).status).to.equal(200)

      const account = await page('/a/alice/videos')
      expect(account.metas.get('og:title')).to.equal('alice')
      expect(account.jsonLd.mainEntity['@type']).to.equal('Person')
      expect((await page('/a/nobody')).metas.has('og:title')).to.equal(false)
    })
  })

  describe('OEmbed', function () {
    const oembed = (query: Record<string, string | number>) => ctx.instance.api().get('/services/oembed').query(query)

    it('gives an iframe of the embed page for a watch URL, within the asked size', async function () {
      const url = `${ctx.instance.url}/videos/watch/${ctx.uuids['Root public']}`
      const body = (await oembed({ url, maxwidth: 400 }).expect(200)).body
      expect(body).to.include({ type: 'video', version: '1.0', title: 'Root public', width: 400, height: 315, author_name: 'root' })
      expect(body.html).to.match(new RegExp(`^<iframe width="400" height="315" .*src="${ctx.instance.url}/videos/embed/${ctx.uuids['Root public']}"`))
      expect(body.provider_url).to.equal(ctx.instance.url)
      expect((await fetch(body.thumbnail_url)).status).to.equal(200)

      // What the watch page advertises works as is
      const advertised = (await page(`/videos/watch/${ctx.uuids['Root public']}`)).links.find(l => l.type === 'application/json+oembed')!
      expect((await fetch(advertised.href)).status).to.equal(200)
    })

    it('embeds a public playlist too, and not a private one', async function () {
      const create = (privacy: number) => ctx.instance.api().post('/api/v1/video-playlists').set(auth(ctx.alice.token))
        .send({ displayName: `Alice's picks ${privacy}`, privacy, videoChannelId: ctx.aliceChannelId }).expect(200)
      const shared = (await create(1)).body.videoPlaylist
      const body = (await oembed({ url: `${ctx.instance.url}/w/p/${shared.shortUUID}` }).expect(200)).body
      expect(body).to.include({ type: 'rich', title: 'Alice\'s picks 1', author_name: 'alice', width: 560, height: 315 })
      expect(body.html).to.include(`src="${ctx.instance.url}/video-playlists/embed/${shared.uuid}"`)

      const hidden = (await ctx.instance.api().post('/api/v1/video-playlists').set(auth(ctx.alice.token)).send({ displayName: 'Mine', privacy: 3 }).expect(200)).body.videoPlaylist
      await oembed({ url: `${ctx.instance.url}/videos/watch/playlist/${hidden.uuid}` }).expect(404)
    })

    it('refuses other sites\' URLs, non-video pages, private videos and XML, with problem+json', async function () {
      const other = await oembed({ url: `http://127.0.0.2:9/videos/watch/${ctx.uuids['Root public']}` }).expect(400)
      expect(other.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(other.body['invalid-params']).to.have.property('url')
      expect((await oembed({ url: 'not a url' }).expect(400)).body['invalid-params']).to.have.property('url')
      expect((await oembed({}).expect(400)).body['invalid-params']).to.have.property('url')
      await oembed({ url: `${ctx.instance.url}/c/alice_channel` }).expect(400)
      await oembed({ url: `${ctx.instance.url}/w/${ctx.uuids['Root private']}` }).expect(404)
      expect((await oembed({ url: `${ctx.instance.url}/w/x`, maxwidth: 'wide' }).expect(400)).body['invalid-params']).to.have.property('maxwidth')
      await oembed({ url: `${ctx.instance.url}/w/${ctx.uuids['Root public']}`, format: 'xml' }).expect(501)
    })
  })

  describe('Sitemap', function () {
    it('lists local channels, accounts and public videos, read by an XML parser', async function () {
      const res = await ctx.instance.api().get('/sitemap.xml').expect(200)
      expect(res.headers['content-type']).to.match(/^application\/xml/)
      const urls = new XMLParser().parse(res.text).urlset.url as { loc: string, 'video:video'?: { 'video:title': string } }[]
      const locs = urls.map(u => u.loc)
      expect(locs).to.include.members([ `${ctx.instance.url}/c/alice_channel`, `${ctx.instance.url}/a/alice`, `${ctx.instance.url}/a/root` ])
      expect(urls.filter(u => u['video:video']).map(u => u['video:video']!['video:title']).sort()).to.deep.equal([ 'Alice public', 'Root public' ])
    })
  })
}
