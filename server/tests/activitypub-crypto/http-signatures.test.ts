import { expect } from 'chai'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import {
  getSignatureKeyId,
  keyIdToActorUrl,
  parseSignatureHeader,
  signRequest,
  verifyIncomingRequest,
  type HttpSignatureVerification,
  type RequestHeaders
} from '../../helpers/activitypub/index.js'
import { generateRsaKeyPair, type RsaKeyPair } from '../../helpers/crypto/rsa-keys.js'
import { sha256Base64 } from '../../helpers/crypto/hash.js'

// The `http-signature` package is what PeerTube 6.3 signs its requests with; it serves here as an independent
// implementation to check our wire format against, in both directions.
interface HttpSignaturePackage {
  signRequest (request: unknown, options: { key: string, keyId: string, algorithm?: string, headers: string[], authorizationHeaderName?: string }): boolean
  parseRequest (request: { method: string, url: string, headers: RequestHeaders, httpVersion: string }, options: { authorizationHeaderName?: string, clockSkew?: number, headers?: string[] }): unknown
  verifySignature (parsed: unknown, publicKeyPem: string): boolean
}
const httpSignature = createRequire(import.meta.url)('http-signature') as HttpSignaturePackage

const INBOX_URL = 'http://127.0.0.1:9001/inbox'
const ACTOR_URL = 'http://127.0.0.1:9002/accounts/root'

/** Headers as a Node server would see them: lowercase names. */
function asReceived (headers: Record<string, string>): RequestHeaders {
  return Object.fromEntries(Object.entries(headers).map(([ name, value ]) => [ name.toLowerCase(), value ]))
}

function expectFailure (result: HttpSignatureVerification, reason: string) {
  expect(result.ok, JSON.stringify(result)).to.equal(false)
  if (!result.ok) expect(result.reason).to.equal(reason)
}

describe('HTTP signatures (draft-cavage)', function () {
  let alice: RsaKeyPair
  let mallory: RsaKeyPair
  const body = JSON.stringify({ type: 'Follow', actor: ACTOR_URL, object: 'http://127.0.0.1:9001/accounts/peertube', padding: 'x'.repeat(500) })

  before(async function () {
    [ alice, mallory ] = await Promise.all([ generateRsaKeyPair(), generateRsaKeyPair() ])
  })

  async function signedPost (options: { keyId?: string, date?: Date, key?: RsaKeyPair } = {}) {
    const added = await signRequest({
      method: 'POST',
      url: INBOX_URL,
      body,
      privateKeyPem: (options.key ?? alice).privateKeyPem,
      keyId: options.keyId ?? ACTOR_URL,
      date: options.date
    })
    return asReceived({ 'content-type': 'application/activity+json', ...added })
  }

  it('signs (request-target) host date digest with rsa-sha256, as PeerTube does', async function () {
    const headers = await signedPost()

    expect(headers.host).to.equal('127.0.0.1:9001')
    expect(headers.digest).to.equal('SHA-256=' + sha256Base64(body))
    expect(Date.parse(headers.date as string)).to.be.closeTo(Date.now(), 5000)

    const parsed = parseSignatureHeader(headers.signature as string)
    expect(parsed).to.deep.include({ keyId: ACTOR_URL, algorithm: 'rsa-sha256' })
    expect(parsed!.headers).to.deep.equal([ '(request-target)', 'host', 'date', 'digest' ])
  })

  it('verifies what it signs', async function () {
    const result = await verifyIncomingRequest({
      method: 'POST', path: '/inbox', headers: await signedPost(), rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem
    })

    expect(result).to.deep.equal({
      ok: true,
      scheme: 'draft-cavage',
      keyId: ACTOR_URL,
      actorUrl: ACTOR_URL,
      covered: [ '(request-target)', 'host', 'date', 'digest' ]
    })
  })

  it('refuses a tampered body (Digest no longer matches)', async function () {
    const tampered = Buffer.from(body.replace('Follow', 'Undo'))
    const result = await verifyIncomingRequest({
      method: 'POST', path: '/inbox', headers: await signedPost(), rawBody: tampered, publicKeyPem: alice.publicKeyPem
    })
    expectFailure(result, 'bad-digest')
  })

  it('refuses a tampered Digest header (signature no longer matches)', async function () {
    const tampered = Buffer.from(body.replace('Follow', 'Undo'))
    const headers = { ...await signedPost(), digest: 'SHA-256=' + sha256Base64(tampered) }
    const result = await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody: tampered, publicKeyPem: alice.publicKeyPem })
    expectFailure(result, 'bad-signature')
  })

  it('refuses a Date 31 minutes old, accepts one 29 minutes old (30 minutes of skew)', async function () {
    const stale = await verifyIncomingRequest({
      method: 'POST',
      path: '/inbox',
      headers: await signedPost({ date: new Date(Date.now() - 31 * 60 * 1000) }),
      rawBody: Buffer.from(body),
      publicKeyPem: alice.publicKeyPem
    })
    expectFailure(stale, 'stale-date')

    const future = await verifyIncomingRequest({
      method: 'POST',
      path: '/inbox',
      headers: await signedPost({ date: new Date(Date.now() + 31 * 60 * 1000) }),
      rawBody: Buffer.from(body),
      publicKeyPem: alice.publicKeyPem
    })
    expectFailure(future, 'stale-date')

    const late = await verifyIncomingRequest({
      method: 'POST',
      path: '/inbox',
      headers: await signedPost({ date: new Date(Date.now() - 29 * 60 * 1000) }),
      rawBody: Buffer.from(body),
      publicKeyPem: alice.publicKeyPem
    })
    expect(late.ok).to.equal(true)
  })

  it('refuses a signature made with another key', async function () {
    const result = await verifyIncomingRequest({
      method: 'POST', path: '/inbox', headers: await signedPost({ key: mallory }), rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem
    })
    expectFailure(result, 'bad-signature')
  })

  it('refuses a signature replayed on another path', async function () {
    const result = await verifyIncomingRequest({
      method: 'POST', path: '/accounts/root/inbox', headers: await signedPost(), rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem
    })
    expectFailure(result, 'bad-signature')
  })

  it('maps keyId to the actor with or without #main-key', async function () {
    expect(keyIdToActorUrl(ACTOR_URL + '#main-key')).to.equal(ACTOR_URL)
    expect(keyIdToActorUrl(ACTOR_URL)).to.equal(ACTOR_URL)
    expect(keyIdToActorUrl('acct:root@127.0.0.1')).to.equal(null)
    expect(keyIdToActorUrl('not a url')).to.equal(null)

    for (const keyId of [ ACTOR_URL, ACTOR_URL + '#main-key' ]) {
      const headers = await signedPost({ keyId })
      expect(getSignatureKeyId(headers)).to.deep.equal({ scheme: 'draft-cavage', keyId, actorUrl: ACTOR_URL })

      const result = await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem })
      expect(result).to.deep.include({ ok: true, keyId, actorUrl: ACTOR_URL })
    }
  })

  it('refuses signatures that do not cover (request-target), host, date and, with a body, digest', async function () {
    const privateKeyPem = alice.privateKeyPem
    const date = new Date().toUTCString()
    const digest = 'SHA-256=' + sha256Base64(body)
    const base = { host: '127.0.0.1:9001', date, digest }

    for (const covered of [ [ 'host', 'date', 'digest' ], [ '(request-target)', 'date', 'digest' ], [ '(request-target)', 'host', 'digest' ], [ '(request-target)', 'host', 'date' ] ]) {
      // Sign with the http-signature package so the signature is valid apart from what it covers.
      const request = fakeClientRequest('POST', '/inbox', base)
      httpSignature.signRequest(request, { key: privateKeyPem, keyId: ACTOR_URL, headers: covered, authorizationHeaderName: 'Signature' })

      const result = await verifyIncomingRequest({
        method: 'POST', path: '/inbox', headers: request.headers, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem
      })
      expectFailure(result, 'missing-covered-header')
    }
  })

  it('signs and verifies extra covered headers (Fedify also covers accept and content-type)', async function () {
    const extra = { 'Content-Type': 'application/activity+json', Accept: 'application/activity+json' }
    const added = await signRequest({ method: 'POST', url: INBOX_URL, body, privateKeyPem: alice.privateKeyPem, keyId: ACTOR_URL, headers: extra })
    expect(parseSignatureHeader(added.Signature)!.headers).to.deep.equal([ '(request-target)', 'host', 'date', 'digest', 'content-type', 'accept' ])

    const headers = asReceived({ ...extra, ...added })
    expect((await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem })).ok).to.equal(true)

    const altered = { ...headers, 'content-type': 'text/plain' }
    expectFailure(await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers: altered, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem }), 'bad-signature')
  })

  it('does not require digest on a GET without body', async function () {
    const added = await signRequest({ method: 'GET', url: ACTOR_URL + '/outbox?page=1', privateKeyPem: alice.privateKeyPem, keyId: ACTOR_URL })
    expect(added).to.not.have.property('Digest')
    expect(parseSignatureHeader(added.Signature)!.headers).to.deep.equal([ '(request-target)', 'host', 'date' ])

    const result = await verifyIncomingRequest({ method: 'GET', path: '/accounts/root/outbox?page=1', headers: asReceived(added), publicKeyPem: alice.publicKeyPem })
    expect(result.ok).to.equal(true)

    const otherPage = await verifyIncomingRequest({ method: 'GET', path: '/accounts/root/outbox?page=2', headers: asReceived(added), publicKeyPem: alice.publicKeyPem })
    expectFailure(otherPage, 'bad-signature')
  })

  it('reports a covered header that the request lacks', async function () {
    const headers = await signedPost()
    delete headers.host
    const result = await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem })
    expectFailure(result, 'missing-header')
  })

  it('reports a missing, malformed or unsupported signature', async function () {
    const headers = await signedPost()

    const { signature: _removed, ...unsigned } = headers
    expectFailure(await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers: unsigned, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem }), 'missing-signature')

    const malformed = { ...headers, signature: 'keyId=oops' }
    expectFailure(await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers: malformed, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem }), 'malformed-signature')

    const hmac = { ...headers, signature: (headers.signature as string).replace('rsa-sha256', 'hmac-sha256') }
    expectFailure(await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers: hmac, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem }), 'unsupported-algorithm')

    const garbageKey = await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody: Buffer.from(body), publicKeyPem: 'not a key' })
    expectFailure(garbageKey, 'bad-signature')
  })

  it('parses Signature headers with spaces after commas, and Authorization: Signature', async function () {
    const headers = await signedPost()
    const spaced = (headers.signature as string).replaceAll('",', '", ')
    expect(parseSignatureHeader(spaced)).to.deep.equal(parseSignatureHeader(headers.signature as string))

    const { signature, ...rest } = headers
    const result = await verifyIncomingRequest({
      method: 'POST', path: '/inbox', headers: { ...rest, authorization: 'Signature ' + signature }, rawBody: Buffer.from(body), publicKeyPem: alice.publicKeyPem
    })
    expect(result.ok).to.equal(true)
  })

  it('produces signatures the http-signature package (PeerTube 6.3 stack) accepts', async function () {
    const headers = await signedPost()
    const parsed = httpSignature.parseRequest(
      { method: 'POST', url: '/inbox', headers, httpVersion: '1.1' },
      { authorizationHeaderName: 'signature', clockSkew: 1800, headers: [ '(request-target)', 'host', 'date', 'digest' ] }
    )
    expect(httpSignature.verifySignature(parsed, alice.publicKeyPem)).to.equal(true)
  })

  describe('over a real HTTP exchange on loopback', function () {
    let server: Server
    let port: number
    let lastResult: HttpSignatureVerification | undefined

    before(async function () {
      server = createServer((req, res) => {
        readBody(req).then(async rawBody => {
          lastResult = await verifyIncomingRequest({
            method: req.method!, path: req.url!, headers: req.headers, rawBody, publicKeyPem: alice.publicKeyPem
          })
          res.writeHead(lastResult.ok ? 204 : 401).end()
        }).catch(() => res.writeHead(500).end())
      })
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      port = (server.address() as AddressInfo).port
    })

    after(function () {
      server.close()
    })

    it('accepts a delivery signed by http-signature on a node ClientRequest, as PeerTube 6.3 sends it', async function () {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/inbox',
          headers: { 'Content-Type': 'application/activity+json', Digest: 'SHA-256=' + sha256Base64(body) }
        }, res => {
          res.resume()
          resolve(res.statusCode!)
        })
        req.on('error', reject)
        httpSignature.signRequest(req, {
          key: alice.privateKeyPem,
          keyId: ACTOR_URL,
          algorithm: 'rsa-sha256',
          headers: [ '(request-target)', 'host', 'date', 'digest' ],
          authorizationHeaderName: 'Signature'
        })
        req.end(body)
      })

      expect(lastResult).to.deep.include({ ok: true, keyId: ACTOR_URL })
      expect(status).to.equal(204)
    })
  })
})

function fakeClientRequest (method: string, path: string, initial: Record<string, string>) {
  const headers: Record<string, string> = { ...initial }
  return {
    method,
    path,
    headers,
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string) => { headers[name.toLowerCase()] = value }
  }
}

function readBody (req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
