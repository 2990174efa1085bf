import { extractFromJson, extractFromXml } from '@extractus/feed-extractor'
import { expect } from 'chai'
import { XMLParser } from 'fast-xml-parser'
import { parseFeed as parsePodcast } from 'podcast-partytime'
import { auth } from '../shared/users.js'
import type { SharingContext } from './sharing-context.js'

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const asArray = <T>(value: T | T[] | undefined): T[] => value === undefined ? [] : Array.isArray(value) ? value : [ value ]

/** Feeds: every format read by a real parser. */
export function feedCases (ctx: SharingContext) {
  const get = (path: string, query: Record<string, string | number> = {}) => ctx.instance.api().get(path).query(query)

  describe('Videos', function () {
    it('serves public videos as RSS 2.0 with Media RSS, read by a feed parser', async function () {
      const res = await get('/feeds/videos.xml').expect(200)
      expect(res.headers['content-type']).to.match(/^application\/rss\+xml/)
      expect(res.headers['cache-control']).to.include('max-age=900')

      const feed = extractFromXml(res.text)
      expect(feed.title).to.equal('Tubeless test 1')
      expect(feed.entries!.map(e => e.title).sort()).to.deep.equal([ 'Alice public', 'Root public' ])

      const items = asArray(xml.parse(res.text).rss.channel.item) as any[]
      const root = items.find(i => i.title === 'Root public')
      expect(root.guid['#text'] ?? root.guid).to.equal(`${ctx.instance.url}/videos/watch/${ctx.uuids['Root public']}`)
      expect(root['content:encoded']).to.include('<strong>bold</strong>')
      const group = root['media:group']
      const contents = asArray(group['media:content']) as any[]
      expect(contents.length).to.be.greaterThan(0)
      const file = await fetch(contents[0]['@url'])
      expect(file.status).to.equal(200)
      expect(root['media:player']['@url']).to.match(/\/w\//)
      expect(root['media:embed']['@url']).to.equal(`${ctx.instance.url}/videos/embed/${ctx.uuids['Root public']}`)
      expect(asArray(group['media:peerLink']).some((l: any) => l['@type'] === 'application/x-bittorrent')).to.equal(true)
    })

    it('serves the same list as Atom and as JSON Feed', async function () {
      const atom = await get('/feeds/videos.atom').expect(200)
      expect(atom.headers['content-type']).to.match(/^application\/atom\+xml/)
      expect(extractFromXml(atom.text).entries!.map(e => e.title).sort()).to.deep.equal([ 'Alice public', 'Root public' ])
      // `.xml?format=atom` is Atom too, as PeerTube answers it
      expect((await get('/feeds/videos.xml', { format: 'atom' }).expect(200)).text).to.include('<feed')

      const json = await get('/feeds/videos.json').expect(200)
      expect(json.body.version).to.match(/^https:\/\/jsonfeed\.org\/version\/1/)
      expect(extractFromJson(json.body).entries!.map(e => e.title).sort()).to.deep.equal([ 'Alice public', 'Root public' ])
    })

    it('filters by channel (id or name), account (id or name), local and sort', async function () {
      const titles = async (query: Record<string, string | number>) =>
        extractFromXml((await get('/feeds/videos.xml', query).expect(200)).text).entries!.map(e => e.title)

      expect(await titles({ videoChannelId: ctx.aliceChannelId })).to.deep.equal([ 'Alice public' ])
      expect(await titles({ videoChannelName: 'root_channel' })).to.deep.equal([ 'Root public' ])
      expect(await titles({ accountId: ctx.alice.accountId })).to.deep.equal([ 'Alice public' ])
      expect(await titles({ accountName: 'root' })).to.deep.equal([ 'Root public' ])
      expect(await titles({ isLocal: 'true', sort: 'name' })).to.deep.equal([ 'Alice public', 'Root public' ])
      expect(await titles({ sort: '-name' })).to.deep.equal([ 'Root public', 'Alice public' ])
      const channelFeed = extractFromXml((await get('/feeds/videos.xml', { videoChannelId: ctx.aliceChannelId }).expect(200)).text)
      expect(channelFeed.link).to.equal(`${ctx.instance.url}/c/alice_channel`)
    })

    it('answers an unknown channel or account with a 404 and bad filters with a 400, as problem+json', async function () {
      const unknown: Record<string, string | number>[] = [ { videoChannelId: 99999 }, { videoChannelName: 'nobody_channel' }, { accountId: 99999 }, { accountName: 'nobody' } ]
      for (const query of unknown) {
        const res = await get('/feeds/videos.xml', query).expect(404)
        expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      }
      const badId = await get('/feeds/videos.rss', { videoChannelId: 'abc' }).expect(400)
      expect(badId.body['invalid-params']).to.have.property('videoChannelId')
      const badSort = await get('/feeds/videos.json', { sort: 'nope' }).expect(400)
      expect(badSort.body['invalid-params']).to.have.property('sort')
      const badFormat = await get('/feeds/videos.html').expect(400)
      expect(badFormat.body['invalid-params']).to.have.property('format')
    })
  })

  describe('Comments', function () {
    it('lists comments on public videos, and those on one video', async function () {
      const feed = extractFromXml((await get('/feeds/video-comments.xml').expect(200)).text)
      expect(feed.entries!.map(e => e.title)).to.deep.equal([ 'Root public - alice' ])
      expect(feed.entries![0].link).to.include(`;threadId=`)

      const ofVideo = (await get('/feeds/video-comments.json', { videoId: ctx.uuids['Root public'] }).expect(200)).body
      expect(ofVideo.title).to.equal('Root public - comments')
      expect(ofVideo.items.map((i: any) => i.content_html)).to.deep.equal([ '<p>Nice <em>clip</em></p>\n' ])
      const none = xml.parse((await get('/feeds/video-comments.atom', { videoChannelId: ctx.aliceChannelId }).expect(200)).text)
      expect(none.feed.title).to.equal('Main alice channel - comments')
      expect(none.feed.entry).to.equal(undefined)
    })

    it('refuses a video filter mixed with a channel filter, and unknown or unlisted videos', async function () {
      const mixed = await get('/feeds/video-comments.xml', { videoId: ctx.uuids['Root public'], videoChannelId: ctx.rootChannelId }).expect(400)
      expect(mixed.body['invalid-params']).to.have.property('videoId')
      await get('/feeds/video-comments.xml', { videoId: ctx.uuids['Root unlisted'] }).expect(404)
      await get('/feeds/video-comments.xml', { videoId: '99999' }).expect(404)
    })
  })

  describe('Subscriptions', function () {
    let token: string

    it('gives users their feed token, as PeerTube\'s scoped tokens', async function () {
      await ctx.instance.api().get('/api/v1/users/scoped-tokens').expect(401)
      token = (await ctx.instance.api().get('/api/v1/users/scoped-tokens').set(auth(ctx.viewer.token)).expect(200)).body.feedToken
      expect(token).to.match(/^[0-9a-f-]{36}$/)
      expect((await ctx.instance.api().get('/api/v1/users/me/feed-token').set(auth(ctx.viewer.token)).expect(200)).body.feedToken).to.equal(token)
    })

    it('lists the videos of the subscribed channels for the right token only', async function () {
      const feed = extractFromXml((await get('/feeds/subscriptions.xml', { accountId: ctx.viewer.accountId, token }).expect(200)).text)
      expect(feed.entries!.map(e => e.title)).to.deep.equal([ 'Alice public' ])

      await get('/feeds/subscriptions.atom', { accountId: ctx.alice.accountId, token }).expect(403)
      await get('/feeds/subscriptions.json', { accountId: ctx.viewer.accountId, token: '00000000-0000-4000-8000-000000000000' }).expect(403)
      const missing = await get('/feeds/subscriptions.json', { accountId: ctx.viewer.accountId }).expect(400)
      expect(missing.body['invalid-params']).to.have.property('token')
    })

    it('stops accepting the old token once it is renewed', async function () {
      const renewed = (await ctx.instance.api().post('/api/v1/users/scoped-tokens').set(auth(ctx.viewer.token)).expect(200)).body.feedToken
      expect(renewed).to.not.equal(token)
      await get('/feeds/subscriptions.xml', { accountId: ctx.viewer.accountId, token }).expect(403)
      await get('/feeds/subscriptions.xml', { accountId: ctx.viewer.accountId, token: renewed }).expect(200)
    })
  })

  describe('Podcast', function () {
    it('serves a channel as a Podcasting 2.0 feed, read by a podcast parser', async function () {
      const res = await get('/feeds/podcast/videos.xml', { videoChannelId: ctx.rootChannelId }).expect(200)
      expect(res.headers['content-type']).to.match(/^application\/rss\+xml/)

      const podcast = parsePodcast(res.text)!
      expect(podcast, 'the podcast parser reads it').to.not.equal(null)
      expect(podcast.title).to.equal('Main root channel')
      expect(podcast.language).to.equal('fr')
      expect(podcast.guid).to.match(/^[0-9a-f-]{36}$/)
      // No avatar: the newest episode's preview is the cover
      expect(podcast.itunesImage).to.match(/\/lazy-static\/previews\/[0-9a-f-]{36}\.jpg$/)
      expect(podcast.items.map(i => i.title)).to.deep.equal([ 'Root public' ])

      const episode = podcast.items[0]
      expect(episode.enclosure.url).to.match(/\.mp4$/)
      expect(episode.enclosure.type).to.equal('video/mp4')
      expect(episode.duration).to.be.greaterThan(0)
      expect(episode.podcastPeople?.[0]?.name).to.equal('root')
      expect(episode.podcastSocialInteraction?.[0]?.platform).to.equal('activitypub')
      expect(episode.podcastSocialInteraction?.[0]?.url).to.equal(`${ctx.instance.url}/videos/watch/${ctx.uuids['Root public']}`)
      expect((episode.alternativeEnclosures ?? []).map(e => e.type)).to.deep.equal([ 'video/mp4', 'video/mp4' ])
      // The HLS playlist has no length, which this parser requires: read it from the XML
      const item = xml.parse(res.text).rss.channel.item
      const hls = asArray(item['podcast:alternateEnclosure']).find((e: any) => e['@type'] === 'application/x-mpegURL') as any
      expect(hls['podcast:source']['@uri']).to.match(/master\.m3u8$/)
    })

    it('needs an existing channel', async function () {
      const missing = await get('/feeds/podcast/videos.xml').expect(400)
      expect(missing.body['invalid-params']).to.have.property('videoChannelId')
      await get('/feeds/podcast/videos.xml', { videoChannelId: 99999 }).expect(404)
    })
  })
}
