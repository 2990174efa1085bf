import { expect } from 'chai'
import { createSign } from 'node:crypto'
import {
  buildActivityPubContext,
  canonicalizeJsonLd,
  localJsonLdDocumentLoader,
  signLdDocument,
  UnknownJsonLdContextError,
  verifyLdSignature,
  withActivityPubContext
} from '../../helpers/activitypub/index.js'
import { sha256Hex } from '../../helpers/crypto/hash.js'
import { generateRsaKeyPair, type RsaKeyPair } from '../../helpers/crypto/rsa-keys.js'

const HOST = 'http://127.0.0.1:9001'
const ACCOUNT = HOST + '/accounts/root'
const VIDEO = HOST + '/videos/watch/0b0d7f4c-3f1e-4a8e-9d55-2b2b7a0c1e11'

/** A Create of a Video shaped like what PeerTube 6.3 sends: web video, HLS playlist with Infohash and magnet links. */
function peertubeCreateActivity () {
  const file = (height: number, extra: object = {}) => ({ height, width: Math.round(height * 4 / 3), fps: 25, ...extra })
  const probeAttachment = (flag: string) => [
    { type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'audio' },
    { type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'video' },
    { type: 'PropertyValue', name: 'peertube_format_flag', value: flag }
  ]

  const video = {
    to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
    cc: [ ACCOUNT + '/followers' ],
    type: 'Video',
    id: VIDEO,
    name: 'Sunrise over the harbour',
    duration: 'PT42S',
    uuid: '0b0d7f4c-3f1e-4a8e-9d55-2b2b7a0c1e11',
    views: 3,
    sensitive: false,
    waitTranscoding: true,
    state: 1,
    commentsEnabled: true,
    canReply: null,
    commentsPolicy: 1,
    downloadEnabled: true,
    published: '2026-11-21T05:00:09.301Z',
    originallyPublishedAt: null,
    updated: '2026-11-21T05:00:09.304Z',
    tag: [ { type: 'Hashtag', name: 'sea' } ],
    category: { identifier: '15', name: 'Science & Technology' },
    licence: { identifier: '1', name: 'Attribution' },
    language: { identifier: 'en', name: 'English' },
    mediaType: 'text/markdown',
    content: 'Filmed from the **pier**.',
    support: null,
    subtitleLanguage: [],
    icon: [ { type: 'Image', url: HOST + '/lazy-static/thumbnails/a.jpg', mediaType: 'image/jpeg', width: 280, height: 157 } ],
    preview: [ {
      type: 'Image',
      rel: [ 'storyboard' ],
      url: [ { mediaType: 'image/jpeg', href: HOST + '/lazy-static/storyboards/b.jpg', width: 1920, height: 1080, tileWidth: 192, tileHeight: 108, tileDuration: 'PT1S' } ]
    } ],
    aspectRatio: 1.3333,
    url: [
      { type: 'Link', mediaType: 'text/html', href: VIDEO },
      { type: 'Link', mediaType: 'video/mp4', href: HOST + '/static/web-videos/c-240.mp4', ...file(240, { size: 31973 }), attachment: probeAttachment('web-video') },
      { type: 'Link', rel: [ 'metadata', 'video/mp4' ], mediaType: 'application/json', href: HOST + '/api/v1/videos/x/metadata/5', ...file(240) },
      {
        type: 'Link',
        mediaType: 'application/x-mpegURL',
        href: HOST + '/static/streaming-playlists/hls/x/master.m3u8',
        tag: [
          { type: 'Infohash', name: '92d3dea021efc85c2746d92944224d968eb76ae6' },
          { type: 'Link', name: 'sha256', mediaType: 'application/json', href: HOST + '/static/streaming-playlists/hls/x/segments-sha256.json' },
          { type: 'Link', mediaType: 'video/mp4', href: HOST + '/static/streaming-playlists/hls/x/240-fragmented.mp4', ...file(240, { size: 31766 }), attachment: probeAttachment('fragmented') },
          { type: 'Link', mediaType: 'application/x-bittorrent;x-scheme-handler/magnet', href: 'magnet:?xt=urn:btih:f7fb2c11f50d0625ec94cfa9211d2f3bf14f5fd7&dn=Sunrise', ...file(240) }
        ]
      }
    ],
    likes: VIDEO + '/likes',
    dislikes: VIDEO + '/dislikes',
    shares: VIDEO + '/announces',
    comments: VIDEO + '/comments',
    hasParts: VIDEO + '/chapters',
    attributedTo: [ { type: 'Person', id: ACCOUNT }, { type: 'Group', id: HOST + '/video-channels/root_channel' } ],
    isLiveBroadcast: false,
    liveSaveReplay: null,
    permanentLive: null,
    latencyMode: null
  }

  return withActivityPubContext({
    to: video.to,
    cc: video.cc,
    type: 'Create',
    id: VIDEO + '/activity',
    actor: ACCOUNT,
    object: video
  }, 'Video')
}

function clone<T> (value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

describe('Linked Data signatures (RsaSignature2017)', function () {
  let alice: RsaKeyPair
  let mallory: RsaKeyPair

  before(async function () {
    [ alice, mallory ] = await Promise.all([ generateRsaKeyPair(), generateRsaKeyPair() ])
  })

  describe('@context of outgoing documents', function () {
    it('starts with the base PeerTube sends on every activity', function () {
      expect(buildActivityPubContext('Announce')).to.deep.equal([
        'https://www.w3.org/ns/activitystreams',
        'https://w3id.org/security/v1',
        { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' }
      ])
    })

    it('carries the actor terms a PeerTube 6.3 actor document carries', function () {
      expect(buildActivityPubContext('Actor')[3]).to.deep.equal({
        pt: 'https://joinpeertube.org/ns#',
        sc: 'http://schema.org/',
        playlists: { '@id': 'pt:playlists', '@type': '@id' },
        support: { '@type': 'sc:Text', '@id': 'pt:support' },
        lemmy: 'https://join-lemmy.org/ns#',
        postingRestrictedToMods: 'lemmy:postingRestrictedToMods',
        icons: 'as:icon'
      })
    })

    it('defines every term of a PeerTube video, so a Create canonicalizes without dropping anything', async function () {
      const videoContext = buildActivityPubContext('Video')[3] as Record<string, unknown>
      expect(videoContext.uuid).to.deep.equal({ '@type': 'sc:identifier', '@id': 'pt:uuid' })
      expect(videoContext.commentsPolicy).to.deep.equal({ '@type': 'sc:Number', '@id': 'pt:commentsPolicy' })
      expect(videoContext.Infohash).to.equal('pt:Infohash')

      const { dropped } = await canonicalizeJsonLd(peertubeCreateActivity(), { strict: true })
      expect(dropped).to.deep.equal([])
    })

    it('hands out a fresh context each time', function () {
      const first = buildActivityPubContext('Video')
      ;(first[3] as Record<string, unknown>).uuid = 'tampered'
      expect((buildActivityPubContext('Video')[3] as Record<string, unknown>).uuid).to.not.equal('tampered')
    })
  })

  it('signs and verifies a PeerTube-shaped Create activity', async function () {
    const activity = peertubeCreateActivity()
    const signed = await signLdDocument(activity, { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT })

    expect(signed.signature).to.include({ type: 'RsaSignature2017', creator: ACCOUNT })
    expect(Date.parse(signed.signature.created)).to.be.closeTo(Date.now(), 5000)
    expect(activity).to.not.have.property('signature')

    // What travels is JSON: verify a parsed copy, with the keys of `signature` in another order.
    const received = clone(signed)
    const { signatureValue, ...rest } = received.signature
    received.signature = { signatureValue, ...rest }

    const result = await verifyLdSignature(received, alice.publicKeyPem)
    expect(result).to.deep.equal({ ok: true, creator: ACCOUNT, creatorActorUrl: ACCOUNT, created: signed.signature.created, dropped: [] })
  })

  it('computes signatureValue as RSA-SHA256 over sha256hex(options) + sha256hex(document)', async function () {
    const created = new Date('2026-11-21T06:00:00.000Z')
    const activity = peertubeCreateActivity()
    const signed = await signLdDocument(activity, { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT, created })

    const options = await canonicalizeJsonLd({ '@context': 'https://w3id.org/identity/v1', creator: ACCOUNT, created: created.toISOString() }, { strict: true })
    const document = await canonicalizeJsonLd(activity, { strict: true })
    const expected = createSign('RSA-SHA256').update(sha256Hex(options.nquads) + sha256Hex(document.nquads)).sign(alice.privateKeyPem, 'base64')

    expect(signed.signature.signatureValue).to.equal(expected)
  })

  it('hashes the signature options the same under identity/v1 (Mastodon) and security/v1 (PeerTube 6.x)', async function () {
    const options = { creator: ACCOUNT, created: '2026-11-21T06:00:00.000Z' }
    const identity = await canonicalizeJsonLd({ '@context': 'https://w3id.org/identity/v1', ...options }, { strict: true })
    const security = await canonicalizeJsonLd({
      '@context': [ 'https://w3id.org/security/v1', { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' } ],
      ...options
    }, { strict: true })

    expect(identity.nquads).to.equal(security.nquads)
    expect(identity.nquads).to.contain('<http://purl.org/dc/terms/creator> <' + ACCOUNT + '>')
  })

  it('accepts a Mastodon-style creator (<actor>#main-key)', async function () {
    const signed = await signLdDocument(peertubeCreateActivity(), { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT + '#main-key' })
    const result = await verifyLdSignature(clone(signed), alice.publicKeyPem)
    expect(result).to.deep.include({ ok: true, creator: ACCOUNT + '#main-key', creatorActorUrl: ACCOUNT })
  })

  it('accepts a signature object carrying its own @context, as Fedify sends it', async function () {
    const signed = await signLdDocument(peertubeCreateActivity(), { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT + '#main-key' })
    const received = clone(signed) as unknown as { signature: Record<string, unknown> }
    received.signature = { '@context': 'https://w3id.org/identity/v1', ...received.signature }

    expect(await verifyLdSignature(received, alice.publicKeyPem)).to.deep.include({ ok: true })
  })

  it('fails after tampering with the document, the signature options or the key', async function () {
    const signed = await signLdDocument(peertubeCreateActivity(), { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT })

    const renamed = clone(signed)
    renamed.object.name = 'Sunset over the harbour'
    expect(await verifyLdSignature(renamed, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'bad-signature' })

    const otherActor = clone(signed)
    otherActor.actor = HOST + '/accounts/mallory'
    expect(await verifyLdSignature(otherActor, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'bad-signature' })

    const redated = clone(signed)
    redated.signature.created = '2027-01-01T00:00:00.000Z'
    expect(await verifyLdSignature(redated, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'bad-signature' })

    expect(await verifyLdSignature(clone(signed), mallory.publicKeyPem)).to.deep.include({ ok: false, reason: 'bad-signature' })
  })

  it('reports terms no context defines: they are outside the signature', async function () {
    const signed = await signLdDocument(peertubeCreateActivity(), { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT })
    const extended = clone(signed) as typeof signed & { object: Record<string, unknown> }
    extended.object.smuggled = 'added by whoever forwarded it'

    const result = await verifyLdSignature(extended, alice.publicKeyPem)
    expect(result).to.deep.include({ ok: true })
    if (result.ok) expect(result.dropped).to.deep.equal([ 'blank node predicate: _:smuggled' ])
  })

  it('refuses to sign a document with undefined terms (PeerTube would refuse it when forwarded)', async function () {
    const activity = { ...peertubeCreateActivity(), undefinedTerm: true }
    let error: unknown
    try {
      await signLdDocument(activity, { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT })
    } catch (err) {
      error = err
    }
    expect(error).to.be.instanceOf(Error)
    expect((error as Error).message).to.contain('undefinedTerm')
  })

  it('reports missing, foreign and malformed signatures', async function () {
    const activity = peertubeCreateActivity()
    expect(await verifyLdSignature(activity, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'missing-signature' })
    expect(await verifyLdSignature('a string', alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'missing-signature' })

    const ed = { ...activity, signature: { type: 'Ed25519Signature2018', creator: ACCOUNT, created: '2026-11-21T06:00:00Z', signatureValue: 'x' } }
    expect(await verifyLdSignature(ed, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'unsupported-signature-type' })

    const noCreator = { ...activity, signature: { type: 'RsaSignature2017', created: '2026-11-21T06:00:00Z', signatureValue: 'x' } }
    expect(await verifyLdSignature(noCreator, alice.publicKeyPem)).to.deep.include({ ok: false, reason: 'malformed-signature' })
  })

  describe('document loader', function () {
    it('serves the ActivityStreams, security and identity contexts from local files', async function () {
      for (const url of [ 'https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1', 'https://w3id.org/identity/v1' ]) {
        const loaded = await localJsonLdDocumentLoader(url)
        expect(loaded.documentUrl).to.equal(url)
        expect(loaded.document).to.have.property('@context').that.is.an('object')
      }

      const activityStreams = await localJsonLdDocumentLoader('https://www.w3.org/ns/activitystreams') as { document: { '@context': Record<string, unknown> } }
      expect(activityStreams.document['@context'].Video).to.equal('as:Video')
    })

    it('refuses any other context instead of fetching it', async function () {
      let error: unknown
      try {
        await localJsonLdDocumentLoader('https://evil.example/context.jsonld')
      } catch (err) {
        error = err
      }
      expect(error).to.be.instanceOf(UnknownJsonLdContextError)
    })

    it('makes verification fail on a document referencing an unknown context', async function () {
      const signed = await signLdDocument(peertubeCreateActivity(), { privateKeyPem: alice.privateKeyPem, creator: ACCOUNT })
      const foreign = { ...clone(signed), '@context': [ ...signed['@context'], 'http://127.0.0.1:1/never-fetched.jsonld' ] }

      const result = await verifyLdSignature(foreign, alice.publicKeyPem)
      expect(result).to.deep.include({ ok: false, reason: 'unknown-context' })
    })
  })
})
