import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideoChecked } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

interface RawReply { status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }

/** A GET that keeps the body as sent (supertest and fetch would decompress it). */
function rawGet (url: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

function decode (reply: RawReply) {
  const encoding = reply.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(reply.body)
  if (encoding === 'gzip') return gunzipSync(reply.body)
  return reply.body
}

describe('Compressed responses (gzip, brotli) and what is never compressed', function () {
  const instance = new TestInstance(1)
  const dist = fromRoot('client', 'dist')
  let dir: string

  before(async function () {
    dir = await makeTempDir('compression')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('compresses API answers with what the client prefers, brotli first, and says so in Vary', async function () {
    const identity = await rawGet(`${instance.url}/api/v1/config`)
    expect(identity.headers['content-encoding']).to.equal(undefined)
    expect(identity.headers.vary).to.match(/Accept-Encoding/i)

    const br = await rawGet(`${instance.url}/api/v1/config`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).to.equal('br')
    expect(br.headers.vary).to.match(/Accept-Encoding/i)
    expect(br.body.length).to.be.lessThan(identity.body.length / 2)
    expect(JSON.parse(decode(br).toString())).to.deep.equal(JSON.parse(identity.body.toString()))

    const gzip = await rawGet(`${instance.url}/api/v1/config`, { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).to.equal('gzip')
    expect(JSON.parse(decode(gzip).toString())).to.deep.equal(JSON.parse(identity.body.toString()))
  })

  it('leaves tiny answers alone', async function () {
    const ping = await rawGet(`${instance.url}/api/v1/ping`, { 'Accept-Encoding': 'br, gzip' })
    expect(ping.headers['content-encoding']).to.equal(undefined)
  })

  it('serves the client\'s bundles precompressed at build time, with their own content type', async function () {
    const index = readFileSync(join(dist, 'index.html'), 'utf8')
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1]
    expect(entry, 'the built index.html names its entry bundle').to.be.a('string')
    const file = join(dist, entry!)

    const br = await rawGet(`${instance.url}${entry}`, { 'Accept-Encoding': 'gzip, br' })
    expect(br.status).to.equal(200)
    expect(br.headers['content-encoding']).to.equal('br')
    expect(br.headers['content-type']).to.match(/^(text|application)\/javascript/)
    expect(br.headers['cache-control']).to.match(/immutable/)
    expect(br.headers.vary).to.match(/Accept-Encoding/i)
    expect(br.body.equals(readFileSync(`${file}.br`)), 'the file written at build time').to.equal(true)
    expect(decode(br).equals(readFileSync(file))).to.equal(true)

    const gzip = await rawGet(`${instance.url}${entry}`, { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).to.equal('gzip')
    expect(decode(gzip).equals(readFileSync(file))).to.equal(true)

    const plain = await rawGet(`${instance.url}${entry}`)
    expect(plain.headers['content-encoding']).to.equal(undefined)
    expect(plain.body.equals(readFileSync(file))).to.equal(true)

    // The page itself is compressed on the fly.
    const page = await rawGet(`${instance.url}/videos/trending`, { 'Accept-Encoding': 'br' })
    expect(decode(page).toString()).to.include('<div id="app"')
  })

  it('never compresses media, torrents or byte ranges', async function () {
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    const upload = await uploadVideoChecked(instance, clip, { name: 'Not compressed' })
    const details = (await instance.api().get(`/api/v1/videos/${upload.body.video.uuid}`).expect(200)).body
    const accept = { 'Accept-Encoding': 'gzip, br' }

    const file = new URL(details.files[0].fileUrl).pathname
    const media = await rawGet(`${instance.url}${file}`, accept)
    expect(media.status).to.equal(200)
    expect(media.headers['content-encoding']).to.equal(undefined)

    const torrent = await rawGet(`${instance.url}${new URL(details.files[0].torrentUrl).pathname}`, accept)
    expect(torrent.status).to.equal(200)
    expect(torrent.headers['content-encoding']).to.equal(undefined)

    // A range of a text file addresses the file's own bytes.
    const sha = new URL(details.streamingPlaylists[0].segmentsSha256Url).pathname
    const range = await rawGet(`${instance.url}${sha}`, { ...accept, Range: 'bytes=0-9' })
    expect(range.status).to.equal(206)
    expect(range.headers['content-encoding']).to.equal(undefined)
    expect(range.body.length).to.equal(10)
  })
})
