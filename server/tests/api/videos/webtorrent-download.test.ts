import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { expect } from 'chai'
import WebTorrent from 'webtorrent'
import { TestInstance } from '../../shared/test-instance.js'
import { assertLoopbackOnlyNetwork } from '../../shared/network-namespace.js'
import { uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('BitTorrent delivery: WebSeed and the embedded tracker', function () {
  const instance = new TestInstance(3)
  let dir: string
  let video: any

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('webtorrent')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 3 })
    await instance.flushAndStart({ config: { transcoding: { hls: { enabled: false } } } })

    const res = await uploadVideo(instance, clip, { name: 'Torrent test' })
    video = await waitForLadder(instance, res.body.video.uuid, [ 360, 240 ], { hls: false })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('lets a Node WebTorrent client download a file through the WebSeed and tracker, with a matching hash', async function () {
    const file = video.files[0]
    const torrentFile = await instance.api().get(new URL(file.torrentUrl).pathname).buffer(true).parse(binary).expect(200)
    const original = await instance.api().get(new URL(file.fileUrl).pathname).buffer(true).parse(binary).expect(200)

    const client = new WebTorrent({ dht: false, lsd: false, utp: false, natUpnp: false, natPmp: false, tracker: { rtcConfig: { iceServers: [] } } } as never)
    try {
      const downloaded = await new Promise<Buffer>((resolve, reject) => {
        client.on('error', reject)
        client.add(torrentFile.body as Buffer, { path: dir }, torrent => {
          torrent.on('error', reject)
          torrent.on('done', async () => {
            try {
              const bytes = Buffer.from(await torrent.files[0].arrayBuffer())
              resolve(bytes)
            } catch (err) {
              reject(err)
            }
          })
        })
      })

      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
      expect(downloaded.length).to.equal(file.size)
      expect(sha(downloaded)).to.equal(sha(original.body as Buffer))
    } finally {
      await new Promise<void>(resolve => client.destroy(() => resolve()))
    }
  })

  it('tracks the info hashes of its own files over HTTP', async function () {
    const infoHash = /xt=urn:btih:([a-f0-9]{40})/.exec(video.files[0].magnetUri)![1]
    const res = await instance.api()
      .get('/tracker/announce')
      .query(announceQuery(infoHash))
      .buffer(true).parse(binary)
      .expect(200)
    expect(res.body.toString('latin1')).to.include('8:interval')
    expect(res.body.toString('latin1')).to.not.include('failure reason')
  })

  it('refuses to track an info hash it does not know', async function () {
    const res = await instance.api()
      .get('/tracker/announce')
      .query(announceQuery('0123456789abcdef0123456789abcdef01234567'))
      .buffer(true).parse(binary)
    expect(res.body.toString('latin1')).to.include('failure reason')
  })
})

function announceQuery (infoHashHex: string) {
  // The HTTP tracker protocol wants raw bytes, percent-encoded: build the query by hand.
  const raw = (hex: string) => hex.match(/../g)!.map(b => '%' + b).join('')
  return `info_hash=${raw(infoHashHex)}&peer_id=${raw('2d5454303030312d' + '0'.repeat(24))}&port=6881&uploaded=0&downloaded=0&left=100&compact=1&event=started`
}

function binary (res: any, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => callback(null, Buffer.concat(chunks)))
}
