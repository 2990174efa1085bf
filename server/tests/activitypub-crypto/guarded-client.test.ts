import { expect } from 'chai'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyIncomingRequest, type HttpSignatureVerification } from '../../helpers/activitypub/index.js'
import { generateRsaKeyPair, type RsaKeyPair } from '../../helpers/crypto/rsa-keys.js'
import {
  fetchActivityPubJson,
  isPrivateAddress,
  postSignedActivity,
  RemoteRequestError
} from '../../helpers/requests/index.js'

type Handler = (req: IncomingMessage, res: ServerResponse, rawBody: Buffer) => void

const ACTOR = { '@context': 'https://www.w3.org/ns/activitystreams', type: 'Person', id: 'http://127.0.0.1/accounts/root' }

async function expectRemoteError (promise: Promise<unknown>, code: string): Promise<RemoteRequestError> {
  try {
    await promise
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(RemoteRequestError)
    expect((err as RemoteRequestError).code, (err as Error).message).to.equal(code)
    return err as RemoteRequestError
  }
  throw new Error(`Expected a RemoteRequestError ${code}`)
}

describe('Guarded HTTP client for remote ActivityPub fetches', function () {
  const routes = new Map<string, Handler>()
  const pendingResponses = new Set<ServerResponse>()
  let server: Server
  let base: string
  let signer: RsaKeyPair

  before(async function () {
    signer = await generateRsaKeyPair()

    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const handler = routes.get(new URL(req.url!, 'http://x').pathname)
        if (!handler) return res.writeHead(404).end()
        handler(req, res, Buffer.concat(chunks))
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const json = (contentType: string, body: unknown = ACTOR): Handler => (_req, res) => {
      res.writeHead(200, { 'Content-Type': contentType }).end(JSON.stringify(body))
    }
    routes.set('/actor', json('application/activity+json; charset=utf-8'))
    routes.set('/ld-actor', json('application/ld+json; profile="https://www.w3.org/ns/activitystreams"'))
    routes.set('/plain-json', json('application/json'))
    routes.set('/html', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>'))
    routes.set('/array', json('application/activity+json', [ 1, 2 ]))
    routes.set('/broken-json', (_req, res) => res.writeHead(200, { 'Content-Type': 'application/activity+json' }).end('{"type":'))
    routes.set('/gone', (_req, res) => res.writeHead(410, { 'Content-Type': 'application/activity+json' }).end('{}'))
    routes.set('/big-announced', json('application/activity+json', { ...ACTOR, padding: 'x'.repeat(10_000) }))
    routes.set('/big-streamed', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/activity+json' }) // chunked, no Content-Length
      res.write('{"padding":"')
      for (let i = 0; i < 20; i++) res.write('x'.repeat(1000))
      res.end('"}')
    })
    routes.set('/never-answers', (_req, res) => {
      pendingResponses.add(res)
    })
    routes.set('/stalls-mid-body', (_req, res) => {
      pendingResponses.add(res)
      res.writeHead(200, { 'Content-Type': 'application/activity+json' })
      res.write('{"type":')
    })
    routes.set('/redirect-once', (_req, res) => res.writeHead(302, { Location: '/actor' }).end())
    routes.set('/redirect-loop', (_req, res) => res.writeHead(302, { Location: '/redirect-loop' }).end())
    routes.set('/redirect-to-file', (_req, res) => res.writeHead(302, { Location: 'file:///etc/passwd' }).end())
    routes.set('/redirect-to-signed', (_req, res) => res.writeHead(301, { Location: '/signed-only?page=2' }).end())
    routes.set('/signed-only', (req, res, rawBody) => {
      verifyIncomingRequest({ method: req.method!, path: req.url!, headers: req.headers, rawBody, publicKeyPem: signer.publicKeyPem })
        .then(result => {
          if (!result.ok) return res.writeHead(401).end()
          res.writeHead(200, { 'Content-Type': 'application/activity+json' }).end(JSON.stringify({ ...ACTOR, signedPath: req.url }))
        })
        .catch(() => res.writeHead(500).end())
    })
  })

  after(function () {
    for (const res of pendingResponses) res.destroy()
    server.closeAllConnections()
    server.close()
  })

  it('GETs an actor with the ActivityPub Accept header', async function () {
    let accept: string | undefined
    routes.set('/accept-echo', (req, res) => {
      accept = req.headers.accept
      res.writeHead(200, { 'Content-Type': 'application/activity+json' }).end(JSON.stringify(ACTOR))
    })

    const response = await fetchActivityPubJson(base + '/accept-echo', { allowPrivateAddresses: true })
    expect(response).to.deep.equal({ url: base + '/accept-echo', status: 200, body: ACTOR })
    expect(accept).to.equal('application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"')

    const ld = await fetchActivityPubJson(base + '/ld-actor', { allowPrivateAddresses: true })
    expect(ld.body).to.deep.equal(ACTOR)
  })

  it('refuses replies that are not ActivityPub JSON', async function () {
    await expectRemoteError(fetchActivityPubJson(base + '/plain-json', { allowPrivateAddresses: true }), 'bad-content-type')
    await expectRemoteError(fetchActivityPubJson(base + '/html', { allowPrivateAddresses: true }), 'bad-content-type')
    await expectRemoteError(fetchActivityPubJson(base + '/array', { allowPrivateAddresses: true }), 'invalid-json')
    await expectRemoteError(fetchActivityPubJson(base + '/broken-json', { allowPrivateAddresses: true }), 'invalid-json')
  })

  it('reports the status of non-2xx replies (410 Gone for deleted actors)', async function () {
    const gone = await expectRemoteError(fetchActivityPubJson(base + '/gone', { allowPrivateAddresses: true }), 'bad-status')
    expect(gone.status).to.equal(410)
    const missing = await expectRemoteError(fetchActivityPubJson(base + '/nowhere', { allowPrivateAddresses: true }), 'bad-status')
    expect(missing.status).to.equal(404)
  })

  it('enforces the size limit on announced and on streamed bodies', async function () {
    await expectRemoteError(fetchActivityPubJson(base + '/big-announced', { allowPrivateAddresses: true, maxBytes: 4096 }), 'too-large')
    await expectRemoteError(fetchActivityPubJson(base + '/big-streamed', { allowPrivateAddresses: true, maxBytes: 4096 }), 'too-large')

    const fits = await fetchActivityPubJson(base + '/big-streamed', { allowPrivateAddresses: true, maxBytes: 64 * 1024 })
    expect((fits.body.padding as string).length).to.equal(20_000)
  })

  it('gives up at the deadline, whether the server never answers or stalls mid-body', async function () {
    for (const path of [ '/never-answers', '/stalls-mid-body' ]) {
      const start = Date.now()
      await expectRemoteError(fetchActivityPubJson(base + path, { allowPrivateAddresses: true, timeoutMs: 300 }), 'timeout')
      expect(Date.now() - start).to.be.within(250, 2000)
    }
  })

  it('refuses loopback and private addresses unless allowed', async function () {
    await expectRemoteError(fetchActivityPubJson(base + '/actor'), 'private-address')
    await expectRemoteError(fetchActivityPubJson(base.replace('127.0.0.1', 'localhost') + '/actor'), 'private-address')
    await expectRemoteError(fetchActivityPubJson('http://[::1]:9/actor'), 'private-address')
    await expectRemoteError(fetchActivityPubJson('http://169.254.169.254/latest/meta-data'), 'private-address')
    // Other spellings of 127.0.0.1, normalized by the URL parser.
    await expectRemoteError(fetchActivityPubJson('http://2130706433:9/actor'), 'private-address')
    await expectRemoteError(fetchActivityPubJson('http://0x7f.1:9/actor'), 'private-address')
    await expectRemoteError(postSignedActivity(base + '/inbox', ACTOR, { keyId: 'http://x/a', privateKeyPem: signer.privateKeyPem }), 'private-address')
  })

  it('refuses URLs that are not http(s)', async function () {
    await expectRemoteError(fetchActivityPubJson('file:///etc/passwd', { allowPrivateAddresses: true }), 'unsupported-protocol')
    await expectRemoteError(fetchActivityPubJson('ftp://127.0.0.1/actor', { allowPrivateAddresses: true }), 'unsupported-protocol')
    await expectRemoteError(fetchActivityPubJson('not a url', { allowPrivateAddresses: true }), 'invalid-url')
  })

  it('follows a bounded number of redirects, checking each hop', async function () {
    const redirected = await fetchActivityPubJson(base + '/redirect-once', { allowPrivateAddresses: true })
    expect(redirected.url).to.equal(base + '/actor')

    await expectRemoteError(fetchActivityPubJson(base + '/redirect-loop', { allowPrivateAddresses: true }), 'too-many-redirects')
    const notFollowed = await expectRemoteError(fetchActivityPubJson(base + '/redirect-once', { allowPrivateAddresses: true, maxRedirects: 0 }), 'bad-status')
    expect(notFollowed.status).to.equal(302)
    await expectRemoteError(fetchActivityPubJson(base + '/redirect-to-file', { allowPrivateAddresses: true }), 'unsupported-protocol')
  })

  it('signs GETs when asked, again on every redirect hop', async function () {
    const signWith = { keyId: 'http://127.0.0.1:9002/accounts/root#main-key', privateKeyPem: signer.privateKeyPem }

    await expectRemoteError(fetchActivityPubJson(base + '/signed-only', { allowPrivateAddresses: true }), 'bad-status')

    const direct = await fetchActivityPubJson(base + '/signed-only', { allowPrivateAddresses: true, signWith })
    expect(direct.body.signedPath).to.equal('/signed-only')

    const afterRedirect = await fetchActivityPubJson(base + '/redirect-to-signed', { allowPrivateAddresses: true, signWith })
    expect(afterRedirect.body.signedPath).to.equal('/signed-only?page=2')
  })

  describe('deliveries', function () {
    let received: { result: HttpSignatureVerification, contentType?: string, body: string } | undefined

    before(function () {
      routes.set('/inbox', (req, res, rawBody) => {
        verifyIncomingRequest({ method: req.method!, path: req.url!, headers: req.headers, rawBody, publicKeyPem: signer.publicKeyPem })
          .then(result => {
            received = { result, contentType: req.headers['content-type'], body: rawBody.toString() }
            res.writeHead(result.ok ? 204 : 401).end()
          })
          .catch(() => res.writeHead(500).end())
      })
      routes.set('/moved-inbox', (_req, res) => res.writeHead(308, { Location: '/inbox' }).end())
      routes.set('/chatty-inbox', (_req, res) => res.writeHead(202, { 'Content-Type': 'text/plain' }).end('y'.repeat(200_000)))
    })

    it('POSTs a signed activity that the receiving inbox verifies', async function () {
      const activity = { '@context': 'https://www.w3.org/ns/activitystreams', type: 'Follow', actor: 'http://127.0.0.1:9002/accounts/root', object: 'x' }
      const result = await postSignedActivity(base + '/inbox', activity, {
        keyId: 'http://127.0.0.1:9002/accounts/root',
        privateKeyPem: signer.privateKeyPem,
        allowPrivateAddresses: true
      })

      expect(result).to.deep.equal({ status: 204 })
      expect(received!.result).to.deep.include({ ok: true, actorUrl: 'http://127.0.0.1:9002/accounts/root' })
      expect(received!.contentType).to.equal('application/activity+json')
      expect(JSON.parse(received!.body)).to.deep.equal(activity)
    })

    it('returns the status of a rejected or redirected delivery without following it', async function () {
      const other = await generateRsaKeyPair()
      const rejected = await postSignedActivity(base + '/inbox', { type: 'Follow' }, { keyId: 'http://x/a', privateKeyPem: other.privateKeyPem, allowPrivateAddresses: true })
      expect(rejected.status).to.equal(401)

      const moved = await postSignedActivity(base + '/moved-inbox', { type: 'Follow' }, { keyId: 'http://x/a', privateKeyPem: signer.privateKeyPem, allowPrivateAddresses: true })
      expect(moved.status).to.equal(308)

      const chatty = await postSignedActivity(base + '/chatty-inbox', { type: 'Follow' }, { keyId: 'http://x/a', privateKeyPem: signer.privateKeyPem, allowPrivateAddresses: true })
      expect(chatty.status).to.equal(202)
    })

    it('times out a delivery to an inbox that never answers', async function () {
      await expectRemoteError(
        postSignedActivity(base + '/never-answers', { type: 'Follow' }, { keyId: 'http://x/a', privateKeyPem: signer.privateKeyPem, allowPrivateAddresses: true, timeoutMs: 300 }),
        'timeout'
      )
    })
  })

  it('classifies addresses (no traffic involved)', function () {
    for (const address of [
      '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
      '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
      '64:ff9b::a00:1', '2002:a00:1::', '[::1]', 'not-an-ip'
    ]) {
      expect(isPrivateAddress(address), address).to.equal(true)
    }

    for (const address of [ '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:1.1.1.1', '64:ff9b::101:101', '2002:101:101::' ]) {
      expect(isPrivateAddress(address), address).to.equal(false)
    }
  })
})
