import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { createServer as createTlsHttpServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net'
import { generateRsaKeyPair, type RsaKeyPair } from '../../../helpers/crypto/rsa-keys.js'

export interface FakeActor {
  name: string
  url: string
  inbox: string
  keys: RsaKeyPair
  type?: 'Person' | 'Group' | 'Application'
  /** A Group's owner (attributedTo). */
  ownerUrl?: string
}

export interface AddActorOptions {
  type?: 'Person' | 'Group' | 'Application'
  ownerUrl?: string
  /** Defaults to /users/<name>. */
  path?: string
  /** preferredUsername, when it differs from `name` (the key of the actor here). */
  preferredUsername?: string
  /** `tlsOrigin` to publish it on https (same host and port, see FakeRemoteServer.start). */
  origin?: string
}

/** A certificate (PEM) for 127.0.0.1, to serve https on the fake's port as well. */
export interface FakeTls {
  key: string
  cert: string
}

export interface ReceivedRequest {
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
  /** What we answered. */
  status: number
}

/**
 * A minimal remote ActivityPub server in the test process, on loopback: it publishes actors with throwaway
 * keys and records what is posted to their inboxes. Enough to talk to an instance by hand.
 */
export class FakeRemoteServer {
  private server?: Server
  private actors = new Map<string, FakeActor & { preferredUsername?: string }>()
  /** Other documents served by GET (Video objects...), by path. */
  private documents = new Map<string, unknown>()
  readonly received: ReceivedRequest[] = []
  /** Statuses the next POSTs to a path get, in order; 202 once exhausted. */
  private scriptedStatuses = new Map<string, number[]>()
  origin = ''
  /** https://<same host and port>, when started with `tls`. */
  tlsOrigin = ''
  /** WebFinger answers given instead of the actor's own link: resource name -> href. */
  private webfingerOverrides = new Map<string, string>()
  private listener?: NetServer

  respondWith (path: string, statuses: number[]) {
    this.scriptedStatuses.set(path, [ ...statuses ])
  }

  get host () {
    return new URL(this.origin).host
  }

  /** WebFinger for `name` answers with `href` (an actor of another host, say). */
  answerWebfinger (name: string, href: string) {
    this.webfingerOverrides.set(name, href)
  }

  /**
   * Listens on a loopback port for plain HTTP; with `tls`, the same port also speaks https (a connection whose
   * first byte is a TLS handshake goes to the https side): two origins of one host, as one program could serve.
   */
  async start (options: { tls?: FakeTls } = {}) {
    const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const path = new URL(req.url!, this.origin).pathname
        if (req.method === 'POST') {
          const status = this.scriptedStatuses.get(path)?.shift() ?? 202
          this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks), status })
          res.writeHead(status).end()
          return
        }
        if (path === '/.well-known/webfinger') {
          const resource = new URL(req.url!, this.origin).searchParams.get('resource') ?? ''
          const name = /^acct:([^@]+)@/.exec(resource)?.[1]
          const override = name !== undefined ? this.webfingerOverrides.get(name) : undefined
          if (override) {
            res.writeHead(200, { 'Content-Type': 'application/jrd+json' })
              .end(JSON.stringify({ subject: resource, links: [ { rel: 'self', type: 'application/activity+json', href: override } ] }))
            return
          }
          const found = [ ...this.actors.values() ].find(a => (a.preferredUsername ?? a.name) === name)
          if (!found) return res.writeHead(404).end()
          res.writeHead(200, { 'Content-Type': 'application/jrd+json' })
            .end(JSON.stringify({ subject: resource, links: [ { rel: 'self', type: 'application/activity+json', href: found.url } ] }))
          return
        }
        const document = this.documents.get(path)
        if (document !== undefined) {
          res.writeHead(200, { 'Content-Type': 'application/activity+json; charset=utf-8' }).end(JSON.stringify(document))
          return
        }
        const actor = [ ...this.actors.values() ].find(a => new URL(a.url).pathname === path)
        if (!actor) return res.writeHead(404).end()
        res.writeHead(200, { 'Content-Type': 'application/activity+json; charset=utf-8' }).end(JSON.stringify(this.document(actor)))
      })
    }
    this.server = createServer(handler)
    if (!options.tls) {
      await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
      this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
      return
    }

    const tlsServer = createTlsHttpServer(options.tls, handler)
    const plain = this.server
    this.listener = createNetServer(socket => {
      // The first byte, read and put back (not in flowing mode: the https side takes what is buffered).
      socket.once('readable', () => {
        const first = socket.read(1) as Buffer | null
        if (!first) return socket.destroy()
        socket.unshift(first)
        ;(first[0] === 0x16 ? tlsServer : plain).emit('connection', socket)
      })
    })
    await new Promise<void>(resolve => this.listener!.listen(0, '127.0.0.1', resolve))
    const port = (this.listener.address() as AddressInfo).port
    this.origin = `http://127.0.0.1:${port}`
    this.tlsOrigin = `https://127.0.0.1:${port}`
  }

  async stop () {
    if (this.listener) {
      this.server?.closeAllConnections()
      await new Promise<void>(resolve => this.listener!.close(() => resolve()))
      return
    }
    await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve())
  }

  async addActor (name: string, options: AddActorOptions = {}) {
    const url = `${options.origin ?? this.origin}${options.path ?? `/users/${name}`}`
    const actor = { name, url, inbox: `${url}/inbox`, keys: await generateRsaKeyPair(), type: options.type, ownerUrl: options.ownerUrl, preferredUsername: options.preferredUsername }
    this.actors.set(name, actor)
    return actor as FakeActor
  }

  /** Serves `document` at `path` (GET), e.g. a Video object. */
  publish (path: string, document: unknown) {
    this.documents.set(path, document)
  }

  removeActor (name: string) {
    this.actors.delete(name)
  }

  /** The actor publishes a new key from now on (as after a key rotation). */
  async rotateKey (name: string) {
    const actor = this.actors.get(name)!
    actor.keys = await generateRsaKeyPair()
    return actor
  }

  receivedJson (path: string) {
    return this.received.filter(r => r.path === path).map(r => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>)
  }

  private document (actor: FakeActor & { preferredUsername?: string }) {
    return {
      '@context': [ 'https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1' ],
      type: actor.type ?? 'Person',
      id: actor.url,
      preferredUsername: actor.preferredUsername ?? actor.name,
      ...(actor.ownerUrl ? { attributedTo: [ { type: 'Person', id: actor.ownerUrl } ] } : {}),
      name: `Fake ${actor.name}`,
      inbox: actor.inbox,
      outbox: `${actor.url}/outbox`,
      followers: `${actor.url}/followers`,
      following: `${actor.url}/following`,
      endpoints: { sharedInbox: `${new URL(actor.url).origin}/inbox` },
      publicKey: { id: `${actor.url}#main-key`, owner: actor.url, publicKeyPem: actor.keys.publicKeyPem }
    }
  }
}

/**
 * A self-signed certificate for 127.0.0.1 (openssl), written in `dir`: give the instance `NODE_EXTRA_CA_CERTS` =
 * `certFile` and it trusts a fake's https side.
 */
export function loopbackCertificate (dir: string): FakeTls & { certFile: string } {
  const keyFile = join(dir, 'loopback-key.pem')
  const certFile = join(dir, 'loopback-cert.pem')
  execFileSync('openssl', [ 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile ], { stdio: 'ignore' })
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
