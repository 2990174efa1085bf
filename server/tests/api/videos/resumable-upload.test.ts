import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, getVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Resumable video upload (PeerTube\'s protocol)', function () {
  const instance = new TestInstance(1)
  let dir: string
  let bytes: Buffer
  let channelId: number

  before(async function () {
    dir = await makeTempDir('resumable')
    bytes = await readFile(await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 3 }))
    await instance.flushAndStart()
    channelId = await firstChannelId(instance)
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  function init (metadata: Record<string, unknown> = {}, size = bytes.length) {
    return instance.api()
      .post('/api/v1/videos/upload-resumable')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('X-Upload-Content-Length', String(size))
      .set('X-Upload-Content-Type', 'video/mp4')
      .send({ name: 'Resumed upload', channelId, filename: 'clip.mp4', ...metadata })
  }

  function put (location: string, chunk: Buffer, start: number) {
    return instance.api()
      .put(location)
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Range', `bytes ${start}-${start + chunk.length - 1}/${bytes.length}`)
      .send(chunk)
  }

  it('uploads in chunks, answering 308 with the received Range until the last one', async function () {
    const created = await init().expect(201)
    const location = created.headers.location as string
    expect(location).to.match(/^\/api\/v1\/videos\/upload-resumable\?upload_id=[a-f0-9]{32}$/)

    const third = Math.floor(bytes.length / 3)
    const first = await put(location, bytes.subarray(0, third), 0).expect(308)
    expect(first.headers.range).to.equal(`bytes=0-${third - 1}`)

    await put(location, bytes.subarray(third, 2 * third), third).expect(308)
    const last = await put(location, bytes.subarray(2 * third), 2 * third).expect(200)

    expect(last.body.video).to.have.keys('id', 'uuid', 'shortUUID')
    const video = await waitUntil(async () => {
      const res = await getVideo(instance, last.body.video.uuid)
      return res.body.state?.id === 1 ? res.body : false
    }, 60_000)
    expect(video.name).to.equal('Resumed upload')
  })

  it('resumes after an interruption from the last byte the server has', async function () {
    const location = (await init({ name: 'Interrupted upload' }).expect(201)).headers.location as string
    const half = Math.floor(bytes.length / 2)
    await put(location, bytes.subarray(0, half), 0).expect(308)

    // The client lost our reply: it asks what arrived, then sends the rest from there.
    const status = await instance.api()
      .put(location)
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Range', `bytes */${bytes.length}`)
      .expect(308)
    expect(status.headers.range).to.equal(`bytes=0-${half - 1}`)

    const done = await put(location, bytes.subarray(half), half).expect(200)
    expect(done.body.video.uuid).to.be.a('string')
  })

  it('accepts a resent chunk that overlaps what already arrived', async function () {
    const location = (await init({ name: 'Overlapping upload' }).expect(201)).headers.location as string
    const half = Math.floor(bytes.length / 2)
    await put(location, bytes.subarray(0, half), 0).expect(308)
    await put(location, bytes.subarray(half - 100), half - 100).expect(200)
  })

  it('refuses a chunk that would leave a gap', async function () {
    const location = (await init({ name: 'Gap upload' }).expect(201)).headers.location as string
    await put(location, bytes.subarray(100, 200), 100).expect(409)
  })

  it('refuses bad metadata before any byte is sent', async function () {
    const res = await init({ name: 'x' }).expect(400)
    expect(res.body['invalid-params']).to.have.property('name')

    const noSize = await instance.api()
      .post('/api/v1/videos/upload-resumable')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ name: 'No size', channelId, filename: 'a.mp4' })
      .expect(400)
    expect(noSize.body['invalid-params']).to.have.property('X-Upload-Content-Length')
  })

  it('cancels an upload with DELETE, after which it is unknown', async function () {
    const location = (await init({ name: 'Cancelled upload' }).expect(201)).headers.location as string
    await put(location, bytes.subarray(0, 1000), 0).expect(308)

    await instance.api().delete(location).set('Authorization', `Bearer ${instance.accessToken}`).expect(204)
    await put(location, bytes.subarray(1000, 2000), 1000).expect(404)
  })

  it('leaves no video behind when the completed file is not a video', async function () {
    const junk = Buffer.alloc(5000, 7)
    const location = (await init({ name: 'Junk upload' }, junk.length).expect(201)).headers.location as string
    const before = await instance.sql('SELECT count(*)::int AS n FROM video')

    const res = await instance.api()
      .put(location)
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Range', `bytes 0-${junk.length - 1}/${junk.length}`)
      .send(junk)
      .expect(400)
    expect(res.body['invalid-params']).to.have.property('videofile')
    expect(await instance.sql('SELECT count(*)::int AS n FROM video')).to.deep.equal(before)
  })
})
