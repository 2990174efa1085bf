import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createFederation, generateCryptoKeyPair, MemoryKvStore, type Context, type Federation
} from '@fedify/fedify'
import { Accept, Announce, Create, Endpoints, Follow, isActor, Like, Person, Undo, type Actor } from '@fedify/vocab'

export interface ReceivedActivity {
  type: string
  id: string | undefined
  actor: string | undefined
  object: string | undefined
  /** The embedded object's type, when inline (a Create's Video). */
  objectType?: string
  objectName?: string
}

/**
 * A third-party ActivityPub server in the test process: one Fedify 2 federation on a loopback port with one
 * Person, `alice`. Fedify answers WebFinger, serves the actor and its key, verifies the HTTP signatures of what
 * reaches the inbox (listeners only see verified activities) and signs what it sends (RFC 9421 first).
 */
export class FedifyPeer {
  readonly received: ReceivedActivity[] = []
  /** Inbox POSTs Fedify refused (unverifiable signature), with the reason it gave. */
  readonly unverified: string[] = []
  /** Statuses Fedify answered to inbox POSTs. */
  readonly inboxStatuses: number[] = []
  readonly followers = new Set<string>()
  /** The JSON bodies POSTed to the inboxes, as they came over the wire. */
  readonly inboxBodies: Record<string, any>[] = []
  private server?: Server
  private federation?: Federation<void>
  private keys?: Awaited<ReturnType<typeof generateCryptoKeyPair>>
  origin = ''

  get host () {
    return new URL(this.origin).host
  }

  get actorUrl () {
    return `${this.origin}/users/alice`
  }

  async start () {
    this.keys = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5')
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(async response => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
          res.end(Buffer.from(await response.arrayBuffer()))
        })
        .catch(err => {
          res.writeHead(500).end(String(err))
        })
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.origin = `http://localhost:${(this.server.address() as AddressInfo).port}`
    this.federation = this.buildFederation()
  }

  async stop () {
    await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve())
  }

  /** Alice follows `targetUrl` (an actor URL of ours); resolves once the Follow was delivered. */
  async follow (targetUrl: string) {
    const ctx = this.context()
    const target = await ctx.lookupObject(targetUrl)
    if (!isActor(target)) throw new Error(`${targetUrl} is not an actor`)
    await ctx.sendActivity({ identifier: 'alice' }, target, new Follow({
      id: new URL(`/follows/${randomUUID()}`, this.origin),
      actor: ctx.getActorUri('alice'),
      object: target.id
    }), { immediate: true })
  }

  /**
   * Alice answers `inReplyTo` (a video or a comment of ours) the way a Mastodon user does: a Note whose content
   * is HTML with a mention of `mentioned` (an account URL of ours), addressed to the public, her followers and the
   * mentioned account, delivered to the mentioned account's server shared inbox. Returns the Note's id.
   */
  async replyAsMastodon (options: { inReplyTo: string, mentioned: { url: string, handle: string }, text: string }) {
    const ctx = this.context()
    const target = await ctx.lookupObject(options.mentioned.url)
    if (!isActor(target)) throw new Error(`${options.mentioned.url} is not an actor`)

    const id = randomUUID()
    const noteUrl = `${this.origin}/users/alice/statuses/${id}`
    const username = options.mentioned.handle.replace(/^@/, '').split('@')[0]
    const json = {
      '@context': [ 'https://www.w3.org/ns/activitystreams', { sensitive: 'as:sensitive', Hashtag: 'as:Hashtag' } ],
      id: `${noteUrl}/activity`,
      type: 'Create',
      actor: this.actorUrl,
      published: new Date().toISOString(),
      to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
      cc: [ `${this.actorUrl}/followers`, options.mentioned.url ],
      object: {
        id: noteUrl,
        type: 'Note',
        summary: null,
        inReplyTo: options.inReplyTo,
        published: new Date().toISOString(),
        url: `${this.origin}/@alice/${id}`,
        attributedTo: this.actorUrl,
        to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
        cc: [ `${this.actorUrl}/followers`, options.mentioned.url ],
        sensitive: false,
        content: `<p><span class="h-card" translate="no"><a href="${options.mentioned.url}" class="u-url mention">@<span>${username}</span></a></span> ` +
          `${options.text} <a href="https://example.org/some/long/path" rel="nofollow noopener" target="_blank">` +
          '<span class="invisible">https://</span><span class="ellipsis">example.org/some/lo</span><span class="invisible">ng/path</span></a></p>',
        tag: [ { type: 'Mention', href: options.mentioned.url, name: options.mentioned.handle } ]
      }
    }
    const create = await Create.fromJsonLd(json, { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader })
    await ctx.sendActivity({ identifier: 'alice' }, target, create, { immediate: true, preferSharedInbox: true })
    return noteUrl
  }

  /** Alice favourites `objectUrl` (a Like, as Mastodon sends it), to the server of `ownerUrl`. */
  async like (objectUrl: string, ownerUrl: string) {
    const ctx = this.context()
    const target = await ctx.lookupObject(ownerUrl)
    if (!isActor(target)) throw new Error(`${ownerUrl} is not an actor`)
    const id = new URL(`/users/alice#likes/${randomUUID()}`, this.origin)
    await ctx.sendActivity({ identifier: 'alice' }, target, new Like({ id, actor: ctx.getActorUri('alice'), object: new URL(objectUrl) }), { immediate: true, preferSharedInbox: true })
    return id.href
  }

  receivedOfType (type: string) {
    return this.received.filter(a => a.type === type)
  }

  private context (): Context<void> {
    return this.federation!.createContext(new URL(this.origin), undefined)
  }

  private async handle (req: IncomingMessage) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [ name, value ] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(new URL(req.url!, this.origin), { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined })

    const response = await this.federation!.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response('Not found', { status: 404 }),
      onNotAcceptable: () => new Response('Not acceptable', { status: 406 })
    })
    if (req.method === 'POST' && req.url?.includes('inbox')) {
      this.inboxStatuses.push(response.status)
      try {
        this.inboxBodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        // Not JSON: Fedify refused it already.
      }
    }
    return response
  }

  private buildFederation () {
    const federation = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true, origin: this.origin })

    federation.setActorDispatcher('/users/{identifier}', async (ctx, identifier) => {
      if (identifier !== 'alice') return null
      const keys = await ctx.getActorKeyPairs(identifier)
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: 'Alice on Fedify',
        inbox: ctx.getInboxUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        url: ctx.getActorUri(identifier),
        publicKey: keys[0].cryptographicKey,
        assertionMethods: keys.map(k => k.multikey)
      })
    }).setKeyPairsDispatcher(async (_ctx, identifier) => {
      if (identifier !== 'alice') return []
      return [ this.keys! ]
    })

    const record = async (activity: Follow | Accept | Create | Announce | Undo, objectInline?: { type: string, name?: string }) => {
      this.received.push({
        type: activity.constructor.name,
        id: activity.id?.href,
        actor: activity.actorId?.href,
        object: activity.objectId?.href,
        objectType: objectInline?.type,
        objectName: objectInline?.name
      })
    }

    federation.setInboxListeners('/users/{identifier}/inbox', '/inbox')
      .on(Follow, async (ctx, follow) => {
        await record(follow)
        if (!follow.objectId || follow.objectId.href !== ctx.getActorUri('alice').href) return
        const follower = await follow.getActor(ctx)
        if (!follower) return
        this.followers.add(follower.id!.href)
        await ctx.sendActivity({ identifier: 'alice' }, follower as Actor, new Accept({
          id: new URL(`/accepts/${randomUUID()}`, this.origin),
          actor: ctx.getActorUri('alice'),
          object: follow
        }), { immediate: true })
      })
      .on(Accept, async (_ctx, accept) => { await record(accept) })
      .on(Announce, async (_ctx, announce) => { await record(announce) })
      .on(Create, async (ctx, create) => {
        const object = await create.getObject(ctx)
        const name = object?.name
        await record(create, object ? { type: object.constructor.name, name: name?.toString() } : undefined)
      })
      .on(Undo, async (_ctx, undo) => { await record(undo) })
      .onUnverifiedActivity((_ctx, _activity, reason) => {
        this.unverified.push(JSON.stringify(reason))
      })

    return federation
  }
}
