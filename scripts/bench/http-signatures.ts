/**
 * Throughput of the federation signatures, 2048-bit RSA: HTTP signatures (draft-cavage, ~2 KB body) and
 * Linked Data signatures (RsaSignature2017 on a PeerTube-shaped Create of a Video).
 * Run: npx tsx scripts/bench/http-signatures.ts [seconds per measure, default 3]
 * No network: everything happens in memory.
 */
import { availableParallelism } from 'node:os'
import {
  signLdDocument,
  signRequest,
  verifyIncomingRequest,
  verifyLdSignature,
  withActivityPubContext,
  type RequestHeaders
} from '../../server/helpers/activitypub/index.js'
import { generateRsaKeyPair } from '../../server/helpers/crypto/rsa-keys.js'

const SECONDS = Number(process.argv[2] ?? 3)
const MAX_OPERATIONS = 200_000
const CONCURRENCY = Math.max(2, availableParallelism() * 2)

const HOST = 'http://127.0.0.1:9001'
const ACTOR = HOST + '/accounts/root'

async function measure (label: string, concurrency: number, operation: () => Promise<unknown>) {
  const deadline = Date.now() + SECONDS * 1000
  let done = 0

  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < deadline && done < MAX_OPERATIONS) {
      await operation()
      done++
    }
  }))
  const seconds = Number(process.hrtime.bigint() - start) / 1e9

  console.log(`${label.padEnd(44)} ${(done / seconds).toFixed(0).padStart(7)} /s  (${done} in ${seconds.toFixed(2)} s, ${concurrency} in flight)`)
}

function activityBody (): string {
  const activity = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Create',
    id: HOST + '/videos/watch/0b0d7f4c/activity',
    actor: ACTOR,
    object: { type: 'Note', content: '' }
  }
  const padding = 2048 - JSON.stringify(activity).length
  activity.object.content = 'x'.repeat(padding)
  return JSON.stringify(activity)
}

function ldDocument () {
  const video = HOST + '/videos/watch/0b0d7f4c-3f1e-4a8e-9d55-2b2b7a0c1e11'
  return withActivityPubContext({
    type: 'Create',
    id: video + '/activity',
    actor: ACTOR,
    to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
    cc: [ ACTOR + '/followers' ],
    object: {
      type: 'Video',
      id: video,
      name: 'Sunrise over the harbour',
      duration: 'PT42S',
      uuid: '0b0d7f4c-3f1e-4a8e-9d55-2b2b7a0c1e11',
      views: 3,
      state: 1,
      commentsPolicy: 1,
      published: '2026-11-21T05:00:09.301Z',
      url: [
        { type: 'Link', mediaType: 'text/html', href: video },
        { type: 'Link', mediaType: 'video/mp4', href: HOST + '/static/web-videos/c-240.mp4', height: 240, width: 320, size: 31973, fps: 25 },
        {
          type: 'Link',
          mediaType: 'application/x-mpegURL',
          href: HOST + '/static/streaming-playlists/hls/x/master.m3u8',
          tag: [ { type: 'Infohash', name: '92d3dea021efc85c2746d92944224d968eb76ae6' } ]
        }
      ],
      attributedTo: [ { type: 'Person', id: ACTOR }, { type: 'Group', id: HOST + '/video-channels/root_channel' } ]
    }
  }, 'Video')
}

async function main () {
  const keys = await generateRsaKeyPair()
  const body = activityBody()
  const rawBody = Buffer.from(body)

  console.log(`RSA 2048, HTTP body ${rawBody.length} bytes, Node ${process.version}, ${availableParallelism()} CPUs, ${SECONDS} s per measure\n`)

  const sign = () => signRequest({ method: 'POST', url: HOST + '/inbox', body, privateKeyPem: keys.privateKeyPem, keyId: ACTOR })

  const signed = await sign()
  const headers: RequestHeaders = Object.fromEntries(Object.entries(signed).map(([ k, v ]) => [ k.toLowerCase(), v ]))
  const verify = async () => {
    const result = await verifyIncomingRequest({ method: 'POST', path: '/inbox', headers, rawBody, publicKeyPem: keys.publicKeyPem })
    if (!result.ok) throw new Error('Verification failed: ' + result.reason)
  }

  const document = ldDocument()
  const ldSign = () => signLdDocument(document, { privateKeyPem: keys.privateKeyPem, creator: ACTOR })
  const ldSigned = await ldSign()
  console.log(`LD document: ${JSON.stringify(ldSigned).length} bytes of JSON\n`)
  const ldVerify = async () => {
    const result = await verifyLdSignature(ldSigned, keys.publicKeyPem)
    if (!result.ok) throw new Error('LD verification failed: ' + result.reason)
  }

  for (const concurrency of [ 1, CONCURRENCY ]) {
    await measure('HTTP signatures signed', concurrency, sign)
    await measure('HTTP signatures verified', concurrency, verify)
    await measure('LD signatures signed', concurrency, ldSign)
    await measure('LD signatures verified', concurrency, ldVerify)
  }
}

main().catch(err => {
  console.error(err)
  process.exitCode = 1
})
