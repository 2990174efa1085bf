import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import sharp from 'sharp'
import { fromRoot } from '../../../helpers/project-root.js'
import { TestS3Server } from '../../shared/s3-server.js'
import { TestInstance } from '../../shared/test-instance.js'
import { getVideo, uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

const execFileAsync = promisify(execFile)

// `npm test` runs the short form: publishing from the bucket (with the wait in TO_MOVE_TO_EXTERNAL_STORAGE), private
// files behind our guard, the move both ways, a refused start. `TUBELESS_STORAGE_FULL=1` (`npm run test:storage`)
// adds the unreachable bucket (a move retried with its backoff), avatars and banners, the unreachable endpoint.
const FULL = process.env.TUBELESS_STORAGE_FULL === '1'
const itFull = FULL ? it : it.skip

/** One small rung: the tests are about where files go, not the ladder. */
const SMALL_LADDER = { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } }

describe('Object storage (a real S3 server on loopback)', function () {
  // Moves wait for jobs (and their retry backoff) on a shared 2-core machine.
  this.timeout(240_000)
  const s3 = new TestS3Server()
  const instance = new TestInstance(1)
  let dir: string
  let clip: string

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
  const allFiles = (video: any) => [ ...video.files, ...(video.streamingPlaylists[0]?.files ?? []) ]

  async function fetchBytes (url: string, headers: Record<string, string> = {}) {
    const res = await fetch(url, { headers, redirect: 'follow' })
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers }
  }

  async function waitInStorage (uuid: string, storage: number, timeoutMs = 90_000) {
    return waitUntil(async () => {
      const video = (await getVideo(instance, uuid).expect(200)).body
      return video.state.id === 1 && allFiles(video).length !== 0 && allFiles(video).every((f: any) => f.storage === storage) ? video : false
    }, timeoutMs, 500).catch(async err => {
      const video = (await getVideo(instance, uuid)).body
      const jobs = await Promise.all([ 'failed', 'delayed', 'active', 'waiting' ].map(async state => (await instance.api().get(`/api/v1/jobs/${state}`).set(auth())).body.data
        .filter((j: any) => j.type !== 'files-removal').map((j: any) => [ state, j.type, j.error ])))
      throw new Error(`${err.message}: state ${video.state?.id}, files ${JSON.stringify(allFiles(video).map((f: any) => f.storage))}, jobs ${JSON.stringify(jobs.flat())}`)
    })
  }

  async function upload (...args: Parameters<typeof uploadVideo>) {
    const res = await uploadVideo(...args)
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    return res.body.video.uuid as string
  }

  async function storageMove (to: string, extra: string[] = []) {
    const { stdout } = await execFileAsync(process.execPath, [ fromRoot('dist', 'scripts', 'storage-move.js'), '--to', to, ...extra ], { env: instance.toolEnvironment(), cwd: fromRoot() })
    return stdout
  }

  before(async function () {
    dir = await makeTempDir('object-storage')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 3 })
    await s3.start()
    await instance.flushAndStart({ config: { object_storage: s3.config('i1/'), transcoding: SMALL_LADDER, integrity: { scrub: { enabled: false } } } })
  })

  after(async function () {
    await instance.stop()
    await s3.stop()
    await removeDir(dir)
  })

  it('publishes an upload from the bucket: waiting in TO_MOVE_TO_EXTERNAL_STORAGE, then public files at the bucket\'s URLs, byte ranges, torrents seeding from there', async function () {
    const uuid = await upload(instance, clip, { name: 'In the bucket', extra: { waitTranscoding: true } })
    const seen = new Set<number>()
    await waitUntil(async () => {
      const current = (await getVideo(instance, uuid).expect(200)).body
      seen.add(current.state.id)
      if (current.state.id === 1) expect(allFiles(current).every((f: any) => f.storage === 1), 'published only once moved').to.equal(true)
      return current.state.id === 1
    }, 90_000, 100)
    expect([ ...seen ].every(s => [ 2, 6, 1 ].includes(s)), JSON.stringify([ ...seen ])).to.equal(true)
    const video = await waitInStorage(uuid, 1)

    for (const file of allFiles(video)) {
      expect(file.fileUrl.startsWith(`${s3.endpoint}/`), file.fileUrl).to.equal(true)
      const whole = await fetchBytes(file.fileUrl)
      expect(whole.status).to.equal(200)
      expect(whole.body.length).to.equal(file.size)
      const [ row ] = await instance.sql<{ sha256: string }>('SELECT sha256 FROM "videoFile" WHERE id = $1', [ file.id ])
      expect(sha256(whole.body), 'the SHA-256 recorded when written').to.equal(row.sha256)

      const part = await fetchBytes(file.fileUrl, { Range: 'bytes=100-199' })
      expect(part.status).to.equal(206)
      expect(part.body.equals(whole.body.subarray(100, 200))).to.equal(true)
      // Torrents stay at our URLs (read from the bucket) and name the bucket as WebSeed.
      const torrent = await fetchBytes(file.torrentUrl)
      expect(torrent.status).to.equal(200)
      expect(torrent.body.toString('latin1')).to.include(file.fileUrl)
      expect(file.magnetUri).to.include(encodeURIComponent(file.fileUrl))
    }
    const master = await fetchBytes(video.streamingPlaylists[0].playlistUrl)
    expect(master.status).to.equal(200)
    expect(master.body.toString()).to.include('#EXT-X-STREAM-INF')
    // Old local URLs (a cached page, a remote copy of the video object) serve the local copy for its minute of
    // grace, then redirect to the bucket.
    const filename = video.files[0].fileUrl.split('/').pop()
    await rm(fromRoot(instance.storageDir('web_videos'), filename), { force: true })
    const old = await fetch(`${instance.url}/static/web-videos/${video.files[0].fileUrl.split('/').pop()}`, { redirect: 'manual' })
    expect(old.status).to.equal(302)
    expect(old.headers.get('location')).to.equal(video.files[0].fileUrl)
    const [ { count } ] = await instance.sql<{ count: string }>('SELECT count(*) FROM "videoFile" WHERE storage = 0')
    expect(Number(count), 'no file left on our disks').to.equal(0)
    // Thumbnails too: the local copy stays a minute for pages already loaded, then the bucket's answers.
    const [ thumbnailRow ] = await instance.sql<{ storage: number }>('SELECT storage FROM thumbnail WHERE filename = $1', [ video.thumbnailPath.split('/').pop() ])
    expect(thumbnailRow.storage).to.equal(1)
    const thumbnail = await fetchBytes(`${instance.url}${video.thumbnailPath}`)
    expect(thumbnail.status).to.equal(200)
    expect((await readFile(s3.objectPath('thumbnails', `i1/${video.thumbnailPath.split('/').pop()}`))).equals(thumbnail.body)).to.equal(true)
  })

  it('serves a private video\'s bucket files only through our guard: proxied with the token, never at a bucket URL', async function () {
    const uuid = await upload(instance, clip, { name: 'Private in the bucket', privacy: 3 })
    const video = await waitInStorage(uuid, 1)
    for (const file of allFiles(video)) {
      expect(file.fileUrl.startsWith(instance.url), file.fileUrl).to.equal(true)
      expect(file.fileUrl).to.include('/private/')
      const path = new URL(file.fileUrl).pathname
      await instance.api().get(path).expect(404)
      const res = await instance.api().get(path).set(auth()).set('Range', 'bytes=0-99').expect(206)
      expect(res.headers['cache-control']).to.equal('private, no-store')
      expect(Number(res.headers['content-length'])).to.equal(100)
    }
    const token = (await instance.api().post(`/api/v1/videos/${uuid}/token`).set(auth()).expect(200)).body.files.token
    await instance.api().get(`${new URL(video.files[0].fileUrl).pathname}?videoFileToken=${token}`).expect(200)
  })

  it('moves an instance to the file system and back (npm run storage:move), resumably and idempotently', async function () {
    const [ { uuid } ] = await instance.sql<{ uuid: string }>('SELECT uuid FROM video WHERE name = $1', [ 'In the bucket' ])
    expect(await storageMove('file-system')).to.match(/^2 video\(s\) to move/)
    const local = await waitInStorage(uuid, 0)
    for (const file of allFiles(local)) {
      expect(file.fileUrl.startsWith(instance.url)).to.equal(true)
      await instance.api().get(new URL(file.fileUrl).pathname).set('Range', 'bytes=0-9').expect(206)
    }

    expect(await storageMove('object-storage', [ '--video', uuid ])).to.match(/^1 video\(s\)/)
    const back = await waitInStorage(uuid, 1)
    expect((await fetchBytes(back.files[0].fileUrl)).status).to.equal(200)
  })

  itFull('keeps a video playable from our disks while the bucket is unreachable, and moves it once it is back', async function () {
    await s3.stop()
    const uuid = await upload(instance, clip, { name: 'Bucket away' })
    const failed = await waitUntil(async () => {
      const res = await instance.api().get('/api/v1/jobs/delayed?jobType=move-to-object-storage').set(auth())
      return (res.body.data ?? []).find((j: any) => j.data?.videoUUID === uuid && /endpoint cannot be reached/.test(j.error ?? ''))
    }, 60_000, 500)
    expect(failed.error).to.match(/Object storage: cannot (read|upload) .* in bucket '.*' at http:\/\/127\.0\.0\.1:\d+: the endpoint cannot be reached/)

    const video = (await getVideo(instance, uuid).expect(200)).body
    expect(video.state.id).to.equal(1)
    for (const file of allFiles(video)) {
      expect(file.storage).to.equal(0)
      await instance.api().get(new URL(file.fileUrl).pathname).set('Range', 'bytes=0-9').expect(206)
    }

    await s3.start({ fresh: false })
    // The move job retries with an exponential backoff (10 s, 20 s, 40 s...): the next attempt succeeds.
    await waitInStorage(uuid, 1, 150_000)
  })

  itFull('keeps avatars and banners in the avatars bucket: our URLs redirect there, a replaced image leaves it', async function () {
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer()
    const avatars = (await instance.api().post('/api/v1/users/me/avatar/pick').set(auth()).attach('avatarfile', png, 'me.png').expect(200)).body.avatars
    const banners = (await instance.api().post('/api/v1/video-channels/root_channel/banner/pick').set(auth()).attach('bannerfile', png, 'b.png').expect(200)).body.banners
    for (const image of [ ...avatars, ...banners ]) {
      const name = image.path.split('/').pop()
      expect(image.fileUrl).to.equal(instance.url + image.path)
      const redirect = await fetch(image.fileUrl, { redirect: 'manual' })
      expect(redirect.status, image.path).to.equal(302)
      expect(redirect.headers.get('location')).to.equal(`${s3.endpoint}/avatars/i1/${name}`)
      const bytes = await fetchBytes(image.fileUrl)
      expect(bytes.status).to.equal(200)
      expect((await sharp(bytes.body).metadata()).width).to.equal(image.width)
      // Once the rows committed, the local file the upload was made from goes.
      await waitUntil(async () => !await stat(fromRoot(instance.storageDir('avatars'), name)).then(() => true, () => false), 15_000, 300)
    }

    // npm run storage:move brings our images back to the disk, and to the bucket again.
    const bannerName = banners[0].path.split('/').pop()
    const servedFrom = async () => (await fetch(`${instance.url}${banners[0].path}`, { redirect: 'manual' })).status
    expect(await storageMove('file-system', [ '--actor-images' ])).to.match(/Actor images: recorded a move to the file-system/)
    await waitUntil(async () => await servedFrom() === 200, 30_000, 300)
    expect(await stat(fromRoot(instance.storageDir('avatars'), bannerName)).then(() => true, () => false)).to.equal(true)
    await storageMove('object-storage', [ '--actor-images' ])
    await waitUntil(async () => await servedFrom() === 302, 30_000, 300)

    const replaced = avatars[0].path.split('/').pop()
    await instance.api().post('/api/v1/users/me/avatar/pick').set(auth()).attach('avatarfile', png, 'again.png').expect(200)
    await waitUntil(async () => !await stat(s3.objectPath('avatars', `i1/${replaced}`)).then(() => true, () => false), 15_000, 300)
    expect((await fetch(`${instance.url}${avatars[0].path}`, { redirect: 'manual' })).status).to.equal(404)
  })

  it('refuses to start with wrong credentials (and, in the full form, an unreachable endpoint), with one line naming the cause', async function () {
    const other = new TestInstance(2)
    await other.flush()
    const tryStart = async (config: Record<string, unknown>) => {
      let output = ''
      await other.start({ config: { object_storage: config }, onOutput: text => { output += text } }).then(() => other.stop(), () => undefined)
      return output.split('\n').find(line => line.includes('Cannot start')) ?? output
    }
    expect(await tryStart(s3.config('i2/', { credentials: { access_key_id: 'WRONG', secret_access_key: 'WRONG' } })))
      .to.match(/Cannot start: Object storage: cannot write a test object in bucket '[a-z-]+' at http:\/\/127\.0\.0\.1:\d+: the credentials are wrong/)
    if (!FULL) return
    expect(await tryStart(s3.config('i2/', { endpoint: 'http://127.0.0.1:1', max_request_attempts: 1 })))
      .to.match(/Cannot start: Object storage: cannot write a test object in bucket '[a-z-]+' at http:\/\/127\.0\.0\.1:1: the endpoint cannot be reached/)
  })
})
