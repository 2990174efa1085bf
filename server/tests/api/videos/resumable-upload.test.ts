import { request as httpRequest } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
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

  it('answers a retried last chunk (its answer was lost) with the same video, without making a second one', async function () {
    const location = (await init({ name: 'Answer lost once' }).expect(201)).headers.location as string
    const first = await put(location, bytes, 0).expect(200)
    const again = await put(location, bytes, 0).expect(200)
    const asked = await instance.api().put(location).set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Range', `bytes */${bytes.length}`).send().expect(200)

    expect(again.body.video).to.deep.equal(first.body.video)
    expect(asked.body.video).to.deep.equal(first.body.video)
    const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video WHERE name = $1', [ 'Answer lost once' ])
    expect(n).to.equal(1)
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

  function partFileSize (location: string) {
    const id = new URL(location, instance.url).searchParams.get('upload_id')
    return stat(fromRoot(instance.storageFolder, 'tmp', 'resumable-uploads', `${id}.part`)).then(s => s.size)
  }

  /**
   * A PUT whose body is sent in pieces, without Content-Length (chunked transfer) unless told, as a client lying
   * about its chunk would. `answered` resolves with the reply, or with the socket error if the connection was cut
   * first. (Supertest is not used here: it drops the connection when the answer arrives before the body is sent,
   * and then sometimes reports its own EPIPE instead of the answer.)
   */
  function streamingPut (location: string, contentRange: string, body: Buffer, options: { pieceSize?: number, holdOpen?: boolean, contentLength?: boolean } = {}) {
    const { pieceSize = 64 * 1024, holdOpen = false, contentLength = false } = options
    const req = httpRequest(new URL(location, instance.url), {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${instance.accessToken}`,
        'Content-Type': 'application/octet-stream',
        'Content-Range': contentRange,
        ...(contentLength ? { 'Content-Length': String(body.length) } : {})
      }
    })
    const answered = new Promise<{ status?: number, body?: any, headers?: Record<string, unknown>, error?: string }>(resolve => {
      req.on('response', res => {
        const parts: Buffer[] = []
        res.on('data', (d: Buffer) => parts.push(d))
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8')
          resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined })
        })
        res.on('error', err => resolve({ error: err.message }))
      })
      req.on('error', err => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }))
    })

    const write = async () => {
      for (let offset = 0; offset < body.length && !req.destroyed; offset += pieceSize) {
        const more = req.write(body.subarray(offset, offset + pieceSize))
        if (!more) {
          await new Promise<void>(resolve => {
            const done = () => { req.off('drain', done); req.off('close', done); resolve() }
            req.on('drain', done)
            req.on('close', done)
          })
        }
      }
      if (!holdOpen && !req.destroyed) req.end()
    }
    void write()
    return { answered, finish: () => req.end(), abort: () => req.destroy() }
  }

  it('refuses a chunk whose Content-Length disagrees with its Content-Range, writing nothing', async function () {
    const location = (await init({ name: 'Lying length' }).expect(201)).headers.location as string
    const { answered } = streamingPut(location, `bytes 0-99/${bytes.length}`, Buffer.alloc(5 * 1024 * 1024, 1), { contentLength: true })
    const res = await answered

    expect(res.status).to.equal(400)
    expect(res.body['invalid-params']).to.have.property('Content-Length')
    expect(await partFileSize(location)).to.equal(0)
  })

  it('stops reading a chunk as soon as it grows past its Content-Range, never writing the excess', async function () {
    const location = (await init({ name: 'Overflowing chunk' }).expect(201)).headers.location as string
    let largest = 0
    const watcher = setInterval(() => { partFileSize(location).then(size => { largest = Math.max(largest, size) }, () => {}) }, 2)
    const { answered } = streamingPut(location, `bytes 0-99/${bytes.length}`, Buffer.alloc(5 * 1024 * 1024, 1))
    const res = await answered
    clearInterval(watcher)

    expect(res.status).to.equal(400)
    expect(res.body['invalid-params']).to.have.property('Content-Range')
    expect(largest).to.be.at.most(100)
    expect(await partFileSize(location)).to.be.at.most(100)

    // The session survives and accepts a correct chunk afterwards.
    await put(location, bytes.subarray(0, 1000), 0).expect(308)
    expect(await partFileSize(location)).to.equal(1000)
  })

  it('cuts the connection of a client that keeps sending after its chunk was refused', async function () {
    const location = (await init({ name: 'Endless chunk' }).expect(201)).headers.location as string
    const req = httpRequest(new URL(location, instance.url), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${instance.accessToken}`, 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes 0-99/${bytes.length}` }
    })
    let status: number | undefined
    req.on('response', res => { status = res.statusCode; res.resume() })
    const closed = new Promise<void>(resolve => req.on('close', () => resolve()))
    req.on('error', () => {})

    // Sends without end until the server cuts the connection (or the test times out).
    const piece = Buffer.alloc(16 * 1024, 1)
    const started = Date.now()
    const sender = setInterval(() => { if (!req.destroyed) req.write(piece) }, 5)
    await closed
    clearInterval(sender)

    expect(status).to.equal(400)
    expect(Date.now() - started).to.be.below(10_000)
    expect(await partFileSize(location)).to.be.at.most(100)
  })

  it('keeps a chunk that arrives shorter than announced, and answers the Range to resume from', async function () {
    const location = (await init({ name: 'Short chunk' }).expect(201)).headers.location as string
    const { answered } = streamingPut(location, `bytes 0-1999/${bytes.length}`, bytes.subarray(0, 1500))
    const res = await answered
    expect(res.status).to.equal(308)
    expect(res.headers?.range).to.equal('bytes=0-1499')
    await put(location, bytes.subarray(1500), 1500).expect(200)
  })

  it('lets one PUT at a time work on a session: others get 503 with Retry-After', async function () {
    const location = (await init({ name: 'Busy session' }).expect(201)).headers.location as string
    const slow = streamingPut(location, `bytes 0-999/${bytes.length}`, bytes.subarray(0, 500), { holdOpen: true })
    await waitUntil(async () => (await partFileSize(location)) === 500, 10_000, 50)

    const busy = await put(location, bytes.subarray(0, 1000), 0).expect(503)
    expect(busy.headers['retry-after']).to.match(/^\d+$/)
    const cancel = await instance.api().delete(location).set('Authorization', `Bearer ${instance.accessToken}`).expect(503)
    expect(cancel.headers['retry-after']).to.match(/^\d+$/)

    slow.finish()
    expect((await slow.answered).status).to.equal(308)
    await put(location, bytes.subarray(500), 500).expect(200)
  })

  it('creates exactly one video from three identical last chunks sent at once', async function () {
    const location = (await init({ name: 'Raced upload' }).expect(201)).headers.location as string
    const before = (await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video'))[0].n

    const results = await Promise.all([ 0, 1, 2 ].map(() => put(location, bytes, 0)))
    const statuses = results.map(r => r.status).sort()

    expect(statuses.filter(s => s === 200)).to.have.length(1)
    for (const status of statuses.filter(s => s !== 200)) expect(status).to.be.oneOf([ 503, 404 ])
    const after = (await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video'))[0].n
    expect(after).to.equal(before + 1)
  })

  it('creates exactly one video from concurrent status queries on a complete upload', async function () {
    const location = (await init({ name: 'Raced query' }).expect(201)).headers.location as string
    // Every byte arrives but the connection drops before the request ends: the session is complete, no video yet.
    const cut = streamingPut(location, `bytes 0-${bytes.length - 1}/${bytes.length}`, bytes, { holdOpen: true })
    await waitUntil(async () => (await partFileSize(location)) === bytes.length, 10_000, 50)
    cut.abort()
    await cut.answered
    await new Promise(resolve => setTimeout(resolve, 300))
    const before = (await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video'))[0].n

    const query = () => instance.api().put(location)
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Range', `bytes */${bytes.length}`)
    const statuses = (await Promise.all([ query(), query(), query() ])).map(r => r.status)

    expect(statuses.filter(s => s === 200)).to.have.length(1)
    for (const status of statuses.filter(s => s !== 200)) expect(status).to.be.oneOf([ 503, 404 ])
    const after = (await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video'))[0].n
    expect(after).to.equal(before + 1)
  })

  it('refuses a filename with control characters or longer than 255 characters', async function () {
    const nul = await init({ name: 'NUL name', filename: 'clip\u0000.mp4' }).expect(400)
    expect(nul.body['invalid-params']).to.have.property('filename')
    const long = await init({ name: 'Long name', filename: `${'a'.repeat(252)}.mp4` }).expect(400)
    expect(long.body['invalid-params']).to.have.property('filename')
  })

  it('drops an extension that is not a short alphanumeric one, and still stores the upload', async function () {
    const location = (await init({ name: 'Odd extension', filename: `clip.${'x'.repeat(250)}` }).expect(201)).headers.location as string
    const done = await put(location, bytes, 0).expect(200)
    expect(done.body.video.uuid).to.be.a('string')

    const spaced = (await init({ name: 'Spaced extension', filename: 'clip.m p4' }).expect(201)).headers.location as string
    await put(spaced, bytes, 0).expect(200)
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
