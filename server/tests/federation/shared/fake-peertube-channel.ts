import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateRsaKeyPair, type RsaKeyPair } from '../../../helpers/crypto/rsa-keys.js'
import { postSignedActivity } from '../../../helpers/requests/index.js'
import { loadReference } from './reference.js'

const REFERENCE_ORIGIN = 'http://127.0.0.1:9001'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const PAGE_SIZE = 10

/**
 * A remote PeerTube-like instance with one channel and a large catalogue, built from PeerTube 6.3's own
 * documents (accounts/root, video-channels/root_channel, Video objects) moved to this server's origin. Its outbox
 * pages can be made to fail, to prove a catalogue crawl resumes where it was.
 */
export class FakePeerTubeChannel {
  private server?: Server
  origin = ''
  keys!: RsaKeyPair
  private videos: Record<string, unknown>[] = []
  /** Path + query -> statuses the next GETs get (then 200). */
  private failures = new Map<string, number[]>()
  readonly requests: string[] = []
  readonly inbox: Record<string, unknown>[] = []

  get host () {
    return new URL(this.origin).host
  }

  get channelUrl () {
    return `${this.origin}/video-channels/root_channel`
  }

  get outboxUrl () {
    return `${this.channelUrl}/outbox`
  }

  failNext (pathAndQuery: string, statuses: number[]) {
    this.failures.set(pathAndQuery, [ ...statuses ])
  }

  async start (videoCount: number) {
    this.keys = await generateRsaKeyPair()
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const url = new URL(req.url!, this.origin)
        const key = url.pathname + url.search
        this.requests.push(`${req.method} ${key}`)
        if (req.method === 'POST') {
          try { this.inbox.push(JSON.parse(Buffer.concat(chunks).toString('utf8'))) } catch { /* not JSON */ }
          return res.writeHead(202).end()
        }
        const failure = this.failures.get(key)?.shift()
        if (failure) return res.writeHead(failure).end()
        const body = this.document(url)
        if (!body) return res.writeHead(404).end()
        const type = url.pathname.startsWith('/.well-known/') ? 'application/jrd+json' : 'application/activity+json'
        res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(JSON.stringify(body))
      })
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`

    const template = JSON.stringify(loadReference('ap-video.json')).replaceAll(REFERENCE_ORIGIN, this.origin)
    for (let i = 1; i <= videoCount; i++) {
      const uuids = new Map<string, string>()
      const text = template.replace(UUID, uuid => {
        if (!uuids.has(uuid)) uuids.set(uuid, randomUUID())
        return uuids.get(uuid)!
      })
      const video = JSON.parse(text)
      video.name = `Catalogue video ${i}`
      video.published = new Date(Date.UTC(2026, 0, i)).toISOString()
      this.videos.push(video)
    }
  }

  async stop () {
    await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  videoUuids () {
    return this.videos.map(v => String(v.uuid))
  }

  private actor (name: 'ap-person.json' | 'ap-group.json') {
    const doc = JSON.parse(JSON.stringify(loadReference(name)).replaceAll(REFERENCE_ORIGIN, this.origin))
    doc.publicKey.publicKeyPem = this.keys.publicKeyPem
    return doc
  }

  private document (url: URL): unknown {
    const path = url.pathname
    if (path === '/.well-known/webfinger') {
      const resource = url.searchParams.get('resource')
      if (resource !== `acct:root_channel@${this.host}`) return undefined
      return { subject: resource, links: [ { rel: 'self', type: 'application/activity+json', href: this.channelUrl } ] }
    }
    if (path === '/accounts/root') return this.actor('ap-person.json')
    if (path === '/video-channels/root_channel') return this.actor('ap-group.json')
    if (path === '/video-channels/root_channel/outbox') return this.outbox(url.searchParams.get('page'))
    if (path === '/video-channels/root_channel/playlists' || path === '/accounts/root/playlists') {
      return { '@context': 'https://www.w3.org/ns/activitystreams', id: this.origin + path, type: 'OrderedCollection', totalItems: 0 }
    }
    const video = this.videos.find(v => v.id === this.origin + path)
    return video
  }

  /** PeerTube's channel outbox: an Announce by the channel of each video, newest first, 10 a page. */
  private outbox (page: string | null) {
    const context = [ 'https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1' ]
    if (!page) return { '@context': context, id: this.outboxUrl, type: 'OrderedCollection', totalItems: this.videos.length, first: `${this.outboxUrl}?page=1` }
    const index = Number(page)
    const slice = [ ...this.videos ].reverse().slice((index - 1) * PAGE_SIZE, index * PAGE_SIZE)
    return {
      '@context': context,
      id: `${this.outboxUrl}?page=${index}`,
      type: 'OrderedCollectionPage',
      partOf: this.outboxUrl,
      next: index * PAGE_SIZE < this.videos.length ? `${this.outboxUrl}?page=${index + 1}` : undefined,
      totalItems: this.videos.length,
      orderedItems: slice.map(video => ({
        type: 'Announce',
        id: `${String(video.id)}/announces/1`,
        actor: this.channelUrl,
        to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
        cc: [ `${this.channelUrl}/followers` ],
        object: video.id
      }))
    }
  }

  /** The channel accepts a Follow it received, as PeerTube does: a signed Accept to the follower's inbox. */
  async acceptFollow (follow: Record<string, unknown>, inboxUrl: string) {
    const accept = { '@context': 'https://www.w3.org/ns/activitystreams', type: 'Accept', id: `${this.channelUrl}/accepts/${randomUUID()}`, actor: this.channelUrl, object: follow }
    return postSignedActivity(inboxUrl, accept, { keyId: this.channelUrl, privateKeyPem: this.keys.privateKeyPem, allowPrivateAddresses: true })
  }
}
