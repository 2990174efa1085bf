import { expect } from 'chai'
import { createHash, sign } from 'node:crypto'
import {
  getSignatureKeyId,
  verifyIncomingRequest,
  type HttpSignatureVerification,
  type RequestHeaders
} from '../../helpers/activitypub/index.js'
import { parseDictionary, serializeInnerList, type SfInnerList } from '../../helpers/activitypub/structured-fields.js'
import { generateRsaKeyPair, type RsaKeyPair } from '../../helpers/crypto/rsa-keys.js'

const ACTOR_URL = 'http://127.0.0.1:9003/users/alice'
const KEY_ID = ACTOR_URL + '#main-key'
const BODY = JSON.stringify({
  '@context': 'https://www.w3.org/ns/activitystreams',
  id: 'http://127.0.0.1:9003/follows/1',
  type: 'Follow',
  actor: ACTOR_URL,
  object: 'http://127.0.0.1:9001/accounts/peertube'
})

interface FedifyStyleOptions {
  key: RsaKeyPair
  body?: string
  /** Seconds since epoch. */
  created?: number
  components?: string[]
  alg?: string
  url?: string
}

/**
 * A request signed the way Fedify 2 does on its first attempt, built by hand from RFC 9421 so the test does
 * not share code with the verifier: components `@method @target-uri @authority host date content-digest`,
 * parameters `alg`, `keyid`, `created`, label `sig1`, RFC 9530 Content-Digest.
 */
function fedifyStyleRequest (options: FedifyStyleOptions) {
  const url = new URL(options.url ?? 'http://127.0.0.1:9001/inbox')
  const body = options.body ?? BODY
  const created = options.created ?? Math.floor(Date.now() / 1000)
  const date = new Date(created * 1000).toUTCString()
  const contentDigest = 'sha-256=:' + createHash('sha256').update(body).digest('base64') + ':'
  const components = options.components ?? [ '@method', '@target-uri', '@authority', 'host', 'date', 'content-digest' ]

  const values: Record<string, string> = {
    '@method': 'POST',
    '@target-uri': url.href,
    '@authority': url.host,
    '@path': url.pathname,
    host: url.host,
    date: date,
    'content-digest': contentDigest
  }

  const params = `alg="${options.alg ?? 'rsa-v1_5-sha256'}";keyid="${KEY_ID}";created=${created}`
  const innerList = '(' + components.map(c => `"${c}"`).join(' ') + ')' + ';' + params
  const signatureBase = [
    ...components.map(c => `"${c.split(';')[0]}": ${values[c.split(';')[0]]}`),
    `"@signature-params": ${innerList}`
  ].join('\n')

  const signature = sign('sha256', Buffer.from(signatureBase), options.key.privateKeyPem).toString('base64')

  const headers: RequestHeaders = {
    host: url.host,
    date: date,
    'content-type': 'application/activity+json',
    accept: 'application/activity+json',
    'content-digest': contentDigest,
    'signature-input': `sig1=${innerList}`,
    signature: `sig1=:${signature}:`
  }

  return { method: 'POST', path: url.pathname + url.search, headers, rawBody: Buffer.from(body) }
}

function expectFailure (result: HttpSignatureVerification, reason: string) {
  expect(result.ok, JSON.stringify(result)).to.equal(false)
  if (!result.ok) expect(result.reason).to.equal(reason)
}

describe('HTTP message signatures (RFC 9421, as Fedify sends them)', function () {
  let alice: RsaKeyPair
  let mallory: RsaKeyPair

  before(async function () {
    [ alice, mallory ] = await Promise.all([ generateRsaKeyPair(), generateRsaKeyPair() ])
  })

  it('detects RFC 9421 by its Signature-Input header and names the actor to fetch', function () {
    const request = fedifyStyleRequest({ key: alice })
    expect(getSignatureKeyId(request.headers)).to.deep.equal({ scheme: 'rfc9421', keyId: KEY_ID, actorUrl: ACTOR_URL })
  })

  it('verifies a Fedify-style signature, knowing the scheme or not', async function () {
    const request = fedifyStyleRequest({ key: alice })

    for (const scheme of [ 'http', undefined ] as const) {
      const result = await verifyIncomingRequest({ ...request, scheme, publicKeyPem: alice.publicKeyPem })
      expect(result).to.deep.equal({
        ok: true,
        scheme: 'rfc9421',
        keyId: KEY_ID,
        actorUrl: ACTOR_URL,
        covered: [ '@method', '@target-uri', '@authority', 'host', 'date', 'content-digest' ]
      })
    }
  })

  it('refuses it with the wrong scheme, host or key', async function () {
    const request = fedifyStyleRequest({ key: alice })
    expectFailure(await verifyIncomingRequest({ ...request, scheme: 'https', publicKeyPem: alice.publicKeyPem }), 'bad-signature')

    const otherHost = { ...request, headers: { ...request.headers, host: '127.0.0.1:9009' } }
    expectFailure(await verifyIncomingRequest({ ...otherHost, publicKeyPem: alice.publicKeyPem }), 'bad-signature')

    const byMallory = fedifyStyleRequest({ key: mallory })
    expectFailure(await verifyIncomingRequest({ ...byMallory, publicKeyPem: alice.publicKeyPem }), 'bad-signature')
  })

  it('refuses a body that does not match Content-Digest', async function () {
    const request = fedifyStyleRequest({ key: alice })
    const tampered = Buffer.from(BODY.replace('Follow', 'Block'))
    expectFailure(await verifyIncomingRequest({ ...request, rawBody: tampered, publicKeyPem: alice.publicKeyPem }), 'bad-digest')
  })

  it('refuses a signature created 31 minutes ago', async function () {
    const request = fedifyStyleRequest({ key: alice, created: Math.floor(Date.now() / 1000) - 31 * 60 })
    expectFailure(await verifyIncomingRequest({ ...request, publicKeyPem: alice.publicKeyPem }), 'stale-date')
  })

  it('requires @method, the target and content-digest to be covered', async function () {
    const withoutDigest = fedifyStyleRequest({ key: alice, components: [ '@method', '@target-uri', 'date' ] })
    expectFailure(await verifyIncomingRequest({ ...withoutDigest, publicKeyPem: alice.publicKeyPem }), 'missing-covered-header')

    const withoutTarget = fedifyStyleRequest({ key: alice, components: [ '@method', 'date', 'content-digest' ] })
    expectFailure(await verifyIncomingRequest({ ...withoutTarget, publicKeyPem: alice.publicKeyPem }), 'missing-covered-header')

    const withoutMethod = fedifyStyleRequest({ key: alice, components: [ '@target-uri', 'content-digest' ] })
    expectFailure(await verifyIncomingRequest({ ...withoutMethod, publicKeyPem: alice.publicKeyPem }), 'missing-covered-header')

    const authorityAndPath = fedifyStyleRequest({ key: alice, components: [ '@method', '@authority', '@path', 'content-digest' ] })
    expect((await verifyIncomingRequest({ ...authorityAndPath, publicKeyPem: alice.publicKeyPem })).ok).to.equal(true)
  })

  it('answers rfc9421-unsupported / unsupported-algorithm to what it does not implement, so the sender falls back', async function () {
    const request = fedifyStyleRequest({ key: alice })
    const withComponentParams = {
      ...request,
      headers: { ...request.headers, 'signature-input': (request.headers['signature-input'] as string).replace('"date"', '"date";sf') }
    }
    expectFailure(await verifyIncomingRequest({ ...withComponentParams, publicKeyPem: alice.publicKeyPem }), 'rfc9421-unsupported')

    const ed25519 = fedifyStyleRequest({ key: alice, alg: 'ed25519' })
    expectFailure(await verifyIncomingRequest({ ...ed25519, publicKeyPem: alice.publicKeyPem }), 'unsupported-algorithm')
  })

  it('reports a Signature-Input without matching Signature member as malformed', async function () {
    const request = fedifyStyleRequest({ key: alice })
    const headers = { ...request.headers, signature: (request.headers.signature as string).replace('sig1=', 'sig2=') }
    expectFailure(await verifyIncomingRequest({ ...request, headers, publicKeyPem: alice.publicKeyPem }), 'malformed-signature')
  })

  it('re-serializes Signature-Input members canonically (what the signature base signs)', function () {
    const dictionary = parseDictionary('sig1=( "@method"  "@target-uri" );created=1618884473;keyid="test-key-rsa-pss";alg="rsa-pss-sha512", sig2=("date";sf);nonce="a\\"b"')
    expect(serializeInnerList(dictionary.get('sig1') as SfInnerList))
      .to.equal('("@method" "@target-uri");created=1618884473;keyid="test-key-rsa-pss";alg="rsa-pss-sha512"')
    expect(serializeInnerList(dictionary.get('sig2') as SfInnerList)).to.equal('("date";sf);nonce="a\\"b"')

    expect(() => parseDictionary('sig1=("@method"')).to.throw()
    expect(() => parseDictionary('sig1=:not base64!:')).to.throw()
  })
})
