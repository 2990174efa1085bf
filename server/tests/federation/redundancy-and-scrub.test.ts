import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, open, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import parseTorrent from 'parse-torrent'
import WebTorrent from 'webtorrent'
import { signRequest } from '../../helpers/activitypub/index.js'
import { fromRoot } from '../../helpers/project-root.js'
import { assertLoopbackOnlyNetwork } from '../shared/network-namespace.js'
import { TestS3Server } from '../shared/s3-server.js'
import { TestInstance } from '../shared/test-instance.js'
import { getVideo, uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { follow, waitForFollow } from './shared/follows.js'
import { FAST_TRANSCODING, waitForVideo } from './shared/remote-videos.js'

const execFileAsync = promisify(execFile)

/**
 * A (object storage on a real S3 server) is mirrored by B (a `recently-added` strategy). A lists B's copies only
 * once it has read them; the scrub of each finds damaged bytes (in a bucket object, in a local file) and repairs
 * them from the other's copy; with A's files gone, the video still downloads, from B.
 */
// `npm test` runs the short form (about a minute: the mirror and A's listing of it, a forged CacheFile left out, the
// scrub's repairs from the mirror); `TUBELESS_STORAGE_FULL=1` (`npm run test:storage`, about two more minutes) adds
// the mirror's own repair, HLS segment hashes, WebTorrent from the mirror, the sweep and the backoff.
const FULL = process.env.TUBELESS_STORAGE_FULL === '1'
const itFull = FULL ? it : it.skip

describe('Redundancy between instances, and the integrity scrub', function () {
  // Two instances transcoding, moving and mirroring on a shared 2-core machine.
  this.timeout(300_000)
  const s3 = new TestS3Server()
  const a = new TestInstance(1)
  const b = new TestInstance(2)
  let dir: string
  let inBucket: any
  let onDisk: any

  const auth = (instance: TestInstance) => ({ Authorization: `Bearer ${instance.accessToken}` })
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

  async function upload (name: string) {
    const res = await uploadVideo(a, join(dir, 'clip.mp4'), { name })
    expect(res.status).to.equal(200)
    return res.body.video.uuid as string
  }

  async function listed (uuid: string) {
    const video = (await getVideo(a, uuid).expect(200)).body
    const webSeeds = video.files[0].magnetUri.match(/ws=([^&]+)/g).map((w: string) => decodeURIComponent(w.slice(3)))
    return { video, webSeeds, baseUrls: (video.streamingPlaylists[0].redundancies as { baseUrl: string }[]).map(r => r.baseUrl) }
  }

  async function scrub (instance: TestInstance) {
    const started = await instance.api().post('/api/v1/server/storage-scrub').set(auth(instance))
    expect([ 200, 202 ]).to.include(started.status)
    let last: unknown
    try {
      return await waitUntil(async () => {
        const res = await instance.api().get('/api/v1/server/storage-scrub').set(auth(instance)).expect(200)
        last = res.body.lastRun
        return res.body.lastRun?.id === started.body.id && res.body.lastRun.state === 'finished' ? res.body.lastRun : false
      }, 150_000, 300)
    } catch (err) {
      const jobs = (await instance.api().get('/api/v1/jobs/delayed?jobType=storage-scrub').set(auth(instance))).body.data ?? []
      throw new Error(`${(err as Error).message}; last run ${JSON.stringify(last)}; delayed ${JSON.stringify(jobs.map((j: any) => j.error))}`)
    }
  }

  async function flipByte (path: string, offset: number) {
    const handle = await open(path, 'r+')
    const byte = Buffer.alloc(1)
    await handle.read(byte, 0, 1, offset)
    byte[0] ^= 0xff
    await handle.write(byte, 0, 1, offset)
    await handle.close()
  }

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('redundancy')
    const common = { ...FAST_TRANSCODING, integrity: { scrub: { enabled: false, max_read_rate: '200MB' } } }
    // All at once: the clip, the S3 server then A (which checks its buckets at start-up), and B.
    await Promise.all([
      // 320x240 at ~800 kb/s: over the 240p rung's cap, so A publishes a stand-in copy of the source first and
      // replaces it with the encoded 240p seconds later, while B (checking every second) is already mirroring the
      // copy. A must read B's copy again once B has made it again, not refuse it for good.
      generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 3 }),
      s3.start().then(() => a.flushAndStart({ config: { ...common, object_storage: s3.config('a/') } })),
      b.flushAndStart({
        config: {
          ...common,
          redundancy: { videos: { check_interval: '1 second', strategies: [ { strategy: 'recently-added', size: '1GB', min_lifetime: '1 hour', min_views: 0 } ] } }
        }
      })
    ])
    await follow(b, { hosts: [ a.host ] })
    await waitForFollow(b, 'following', a.host, 'accepted')
    await b.api().put(`/api/v1/server/redundancy/${a.host}`).set(auth(b)).send({ redundancyAllowed: true }).expect(204)
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop() ])
    await s3.stop()
    await removeDir(dir)
  })

  it('mirrors a followed instance\'s videos, and the origin lists the mirror once it has checked its bytes', async function () {
    const first = await upload('Mirrored from the bucket')
    const second = await upload('Mirrored from the disk')
    // The second one goes back to A's disk: one copy of each kind to damage later.
    await waitUntil(async () => (await getVideo(a, second).expect(200)).body.files.every((f: any) => f.storage === 1), 90_000, 500).catch(async err => {
      const video = (await getVideo(a, second)).body
      const jobs = await Promise.all([ 'failed', 'delayed', 'active', 'waiting' ].map(async state => (await a.api().get(`/api/v1/jobs/${state}`).set(auth(a))).body.data.map((j: any) => [ state, j.type, j.error ])))
      throw new Error(`${err.message}: ${JSON.stringify(video.files.map((f: any) => [ f.storage, f.fileUrl ]))} ${JSON.stringify(jobs.flat())}`)
    })
    await execFileAsync(process.execPath, [ fromRoot('dist', 'scripts', 'storage-move.js'), '--to', 'file-system', '--video', second ], { env: a.toolEnvironment(), cwd: fromRoot() })

    for (const uuid of [ first, second ]) {
      const { webSeeds, baseUrls } = await waitUntil(async () => {
        const state = await listed(uuid)
        return state.webSeeds.some((u: string) => u.startsWith(b.url)) && state.baseUrls.some(u => u.startsWith(b.url)) ? state : false
      }, 150_000, 500).catch(async err => {
        const rows = async (i: TestInstance) => JSON.stringify(await i.sql('SELECT id, state, "stateReason", "videoFileId", "videoStreamingPlaylistId", "fileUrl" FROM "videoRedundancy" ORDER BY id'))
        const jobs = async (i: TestInstance) => JSON.stringify((await Promise.all([ 'failed', 'delayed', 'active', 'waiting' ].map(async st => (await i.api().get(`/api/v1/jobs/${st}`).set(auth(i))).body.data.filter((j: any) => j.type !== 'files-removal').map((j: any) => [ st, j.type, j.error ])))).flat())
        throw new Error(`${err.message} for ${uuid}: A ${await rows(a)} ${await jobs(a)} B ${await rows(b)} ${await jobs(b)} files ${JSON.stringify((await listed(uuid)).video.files.map((f: any) => [ f.id, f.fileUrl, f.magnetUri ]))}`)
      })
      expect(webSeeds.some((u: string) => u.startsWith(b.url + '/static/redundancy/'))).to.equal(true)
      expect(baseUrls).to.deep.equal([ `${b.url}/static/redundancy/hls/${uuid}` ])
      // Listed for the files the video has now: checked after the last of them was written.
      const [ hls ] = await a.sql<{ checkedLast: boolean }>('SELECT r."verifiedAt" >= MAX(f."createdAt") AS "checkedLast" FROM "videoRedundancy" r ' +
        'JOIN "videoStreamingPlaylist" p ON p.id = r."videoStreamingPlaylistId" JOIN "video" v ON v.id = p."videoId" JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p.id ' +
        'WHERE v.uuid = $1 AND r.state = \'verified\' GROUP BY r.id', [ uuid ])
      expect(hls?.checkedLast).to.equal(true)
    }
    inBucket = await waitUntil(async () => {
      const video = (await getVideo(a, first).expect(200)).body
      return [ ...video.files, ...video.streamingPlaylists[0].files ].every((f: any) => f.storage === 1) ? video : false
    }, 60_000, 500)
    onDisk = await waitUntil(async () => {
      const video = (await getVideo(a, second).expect(200)).body
      return video.files.every((f: any) => f.storage === 0) ? video : false
    }, 60_000, 500)

    // The torrent's WebSeeds (what any BitTorrent client reads) list the mirror too.
    const torrent = await fetch(inBucket.files[0].torrentUrl)
    const urlList = (await parseTorrent(Buffer.from(await torrent.arrayBuffer())) as { urlList: string[] }).urlList
    expect(urlList[0]).to.equal(inBucket.files[0].fileUrl)
    expect(urlList.some(u => u.startsWith(`${b.url}/static/redundancy/`))).to.equal(true)

    const mine = (await a.api().get('/api/v1/server/redundancy/videos?target=my-videos').set(auth(a)).expect(200)).body
    expect(mine.total).to.equal(2)
    expect(mine.data[0].redundancies.files[0].state).to.equal('verified')
    const theirs = (await b.api().get('/api/v1/server/redundancy/videos?target=remote-videos').set(auth(b)).expect(200)).body
    expect(theirs.total).to.equal(2)
    expect(theirs.data[0].redundancies.streamingPlaylists[0].strategy).to.equal('recently-added')
    const stats = (await b.api().get('/api/v1/server/stats').expect(200)).body
    expect(stats.videosRedundancy.find((s: any) => s.strategy === 'recently-added').totalVideos).to.equal(2)
  })

  it('does not list a CacheFile whose URL does not serve the video\'s bytes', async function () {
    const [ serverActor ] = await b.sql<{ url: string, privateKey: string }>('SELECT url, "privateKey" FROM actor WHERE "preferredUsername" = \'peertube\' AND "serverId" IS NULL')
    const [ aAccount ] = await a.sql<{ url: string }>('SELECT a.url FROM actor a JOIN account ac ON ac."actorId" = a.id JOIN "user" u ON u.id = ac."userId" WHERE u.username = \'root\'')
    const file = onDisk.files[0]
    const cacheFileId = `${b.url}/redundancy/videos/${onDisk.uuid}/forged`
    const activity = {
      '@context': [ 'https://www.w3.org/ns/activitystreams' ],
      id: `${cacheFileId}/activity`,
      type: 'Create',
      actor: serverActor.url,
      to: [ aAccount.url ],
      object: {
        id: cacheFileId,
        type: 'CacheFile',
        object: `${a.url}/videos/watch/${onDisk.uuid}`,
        expires: null,
        // B's thumbnail folder: answers, but not with this video's bytes.
        url: { type: 'Link', mediaType: 'video/mp4', href: `${b.url}/static/web-videos/not-this-file.mp4`, height: file.resolution.id, size: file.size, fps: file.fps }
      }
    }
    const body = JSON.stringify(activity)
    const headers = await signRequest({ method: 'POST', url: `${a.url}/inbox`, body, privateKeyPem: serverActor.privateKey, keyId: serverActor.url })
    await a.api().post('/inbox').set('Content-Type', 'application/activity+json').set(headers).send(body).expect(204)

    const [ row ] = await waitUntil(async () => {
      const rows = await a.sql<{ state: string, stateReason: string }>('SELECT state, "stateReason" FROM "videoRedundancy" WHERE url = $1', [ cacheFileId ])
      return rows[0]?.state === 'rejected' ? rows : false
    }, 60_000, 300)
    expect(row.stateReason).to.match(/cannot read .*not-this-file\.mp4/)
    const { webSeeds } = await listed(onDisk.uuid)
    expect(webSeeds.some((u: string) => u.includes('not-this-file'))).to.equal(false)
  })

  it('finds a damaged byte in a bucket object and in a local file, and repairs both from the mirror', async function () {
    const bucketFile = inBucket.files[0]
    await flipByte(s3.objectPath('web-videos', `a/${bucketFile.fileUrl.split('/').pop()}`), 1000)
    const localFile = onDisk.files[0]
    const localPath = fromRoot(a.storageDir('web_videos'), localFile.fileUrl.split('/').pop())
    await flipByte(localPath, 2000)

    const report = await scrub(a)
    expect(report.bad).to.equal(2)
    expect(report.repaired).to.equal(2)
    expect(report.unrepairable).to.equal(0)
    const locations = report.problems.map((p: any) => `${p.location}:${p.outcome}:${p.repairedFrom.startsWith(b.url)}`).sort()
    expect(locations).to.deep.equal([ 'file-system:repaired:true', 'object-storage:repaired:true' ])

    const [ bucketRow ] = await a.sql<{ sha256: string }>('SELECT sha256 FROM "videoFile" WHERE id = $1', [ bucketFile.id ])
    expect(sha256(Buffer.from(await (await fetch(bucketFile.fileUrl)).arrayBuffer()))).to.equal(bucketRow.sha256)
    const stats = (await a.api().get('/api/v1/server/stats').expect(200)).body
    expect(stats.storageScrub).to.include({ bad: 2, repaired: 2, unrepairable: 0, state: 'finished' })

    const clean = await scrub(a)
    expect(clean.bad, JSON.stringify(clean.problems)).to.equal(0)
    expect(clean.checked).to.be.greaterThan(3)
  })

  itFull('repairs a damaged byte in the mirror\'s own copy from the origin', async function () {
    const remote = await waitForVideo(b, onDisk.uuid)
    const name = remote.files[0].fileUrl.split('/').pop()
    await flipByte(fromRoot(b.storageDir('redundancy'), name), 500)
    const report = await scrub(b)
    expect(report.problems).to.have.length(1)
    expect(report.problems[0], JSON.stringify(report.problems[0])).to.include({ kind: 'mirror', outcome: 'repaired', repairedFrom: onDisk.files[0].fileUrl })
  })

  itFull('repairs a damaged HLS file and rewrites its entry in segments-sha256.json, so P2P peers accept its segments again', async function () {
    const playlist = onDisk.streamingPlaylists[0]
    const name = playlist.files[0].fileUrl.split('/').pop()
    const dir = fromRoot(a.storageDir('streaming_playlists'), 'hls', onDisk.uuid)
    await flipByte(join(dir, name), 3000)
    // The JSON went bad too (written from damaged bytes): it must describe the repaired file again.
    const jsonPath = join(dir, playlist.segmentsSha256Url.split('/').pop())
    const json = JSON.parse(await readFile(jsonPath, 'utf8'))
    const good = { ...json[name] }
    for (const range of Object.keys(json[name])) json[name][range] = '0'.repeat(64)
    await writeFile(jsonPath, JSON.stringify(json))

    const report = await scrub(a)
    const problem = report.problems.find((p: any) => p.filename === name)
    expect(problem, JSON.stringify(report.problems)).to.include({ kind: 'hls', outcome: 'repaired' })
    expect(problem.reason).to.include('segment hashes rewritten')
    const served = await waitUntil(async () => {
      const body = await (await fetch(playlist.segmentsSha256Url)).json() as Record<string, Record<string, string>>
      return JSON.stringify(body[name]) === JSON.stringify(good) ? body : false
    }, 15_000, 500)
    expect(Object.keys(served[name]).length).to.be.greaterThan(0)
  })

  itFull('plays with the origin\'s files gone: WebTorrent downloads the video from the mirror\'s WebSeed', async function () {
    // The mirror's copy was damaged a moment ago: a check of it then refused it (and took it out of the torrent)
    // until its next read. The torrent is taken once the mirror is listed again.
    const { video } = await waitUntil(async () => {
      const state = await listed(onDisk.uuid)
      return state.webSeeds.some((u: string) => u.startsWith(b.url)) ? state : false
    }, 150_000, 500)
    const file = video.files[0]
    const torrent = Buffer.from(await (await fetch(file.torrentUrl)).arrayBuffer())
    const expected = (await a.sql<{ sha256: string }>('SELECT sha256 FROM "videoFile" WHERE id = $1', [ file.id ]))[0].sha256
    await rm(fromRoot(a.storageDir('web_videos'), file.fileUrl.split('/').pop()))
    // Open media files are kept a few seconds (open-file-cache.ts): the origin answers 404 once its handle is gone.
    await waitUntil(async () => (await fetch(file.fileUrl)).status === 404, 15_000, 500)

    const client = new WebTorrent({ dht: false, lsd: false, utp: false, natUpnp: false, natPmp: false, tracker: false } as never)
    try {
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        client.on('error', reject)
        client.add(torrent, { path: dir }, t => {
          t.on('error', reject)
          t.on('done', () => { t.files[0].arrayBuffer().then(buffer => resolve(Buffer.from(buffer)), reject) })
        })
      })
      expect(sha256(bytes)).to.equal(expected)
    } finally {
      await new Promise<void>(resolve => client.destroy(() => resolve()))
    }
  })

  itFull('sweeps mirror files no mirror row serves any more, and keeps those that are served', async function () {
    const mirrorDir = fromRoot(b.storageDir('redundancy'))
    const hlsDir = join(mirrorDir, 'hls', onDisk.uuid)
    const kept = [ ...await readdir(hlsDir) ]
    const stale = [ join(mirrorDir, 'replaced-rendition.mp4'), join(hlsDir, 'replaced-rendition-fragmented.mp4'), join(mirrorDir, 'hls', '00000000-0000-4000-8000-000000000000', 'x.m3u8') ]
    const old = new Date(Date.now() - 3 * 3_600_000)
    for (const path of stale) {
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, 'stale')
      await utimes(path, old, old)
    }
    await utimes(dirname(stale[2]), old, old)

    await b.stop()
    await b.start({ ...b.lastStartOptions, config: { ...b.lastStartOptions.config, housekeeping: { orphan_files_min_age: '1 hour', storage_sweep_delay: '1 second' } } })
    b.accessToken = await b.login('root', b.rootPassword)
    const exists = (path: string) => stat(path).then(() => true, () => false)
    // The start-up sweep (1 s after the start) removes them.
    await waitUntil(async () => (await Promise.all(stale.map(exists))).every(e => !e), 60_000, 500)
    expect(await exists(dirname(stale[2]))).to.equal(false)
    expect((await readdir(hlsDir)).sort()).to.deep.equal(kept.sort())
  })

  // Last: disallowing A's mirrors drops B's copies of its videos.
  itFull('leaves aside a video whose mirroring keeps failing, so the next candidates get mirrored meanwhile', async function () {
    await b.api().put(`/api/v1/server/redundancy/${a.host}`).set(auth(b)).send({ redundancyAllowed: false }).expect(204)
    const next = await upload('Mirrored while the other fails')
    const failing = await upload('Its origin lost its files')
    const videos = await Promise.all([ next, failing ].map(uuid => waitUntil(async () => {
      const video = (await getVideo(a, uuid).expect(200)).body
      const files = [ ...video.files, ...(video.streamingPlaylists[0]?.files ?? []) ]
      return video.state.id === 1 && files.length >= 2 && files.every((f: any) => f.storage === 1) ? video : false
    }, 120_000, 500)))
    await Promise.all([ next, failing ].map(uuid => waitForVideo(b, uuid)))
    // The newest candidate (recently-added) can no longer be fetched anywhere.
    const lost = videos[1]
    for (const file of lost.files) {
      const name = file.fileUrl.split('/').pop()
      await rm(s3.objectPath('web-videos', `a/${name}`), { force: true })
      // The local copies a move leaves for a minute's viewers, too.
      await rm(fromRoot(a.storageDir('web_videos'), name), { force: true })
    }
    for (const file of lost.streamingPlaylists[0].files) await rm(s3.objectPath('streaming-playlists', `a/${failing}/${file.fileUrl.split('/').pop()}`), { force: true })
    await rm(fromRoot(a.storageDir('streaming_playlists'), 'hls', failing), { recursive: true, force: true })

    await b.api().put(`/api/v1/server/redundancy/${a.host}`).set(auth(b)).send({ redundancyAllowed: true }).expect(204)
    const mirroredRows = (uuid: string) => b.sql<{ n: string }>(
      'SELECT count(*) AS n FROM "videoRedundancy" r LEFT JOIN "videoFile" f ON f.id = r."videoFileId" LEFT JOIN "videoStreamingPlaylist" p ON p.id = r."videoStreamingPlaylistId" ' +
      'JOIN video v ON v.id = COALESCE(f."videoId", p."videoId") WHERE v.uuid = $1', [ uuid ])
    await waitUntil(async () => Number((await mirroredRows(next))[0].n) >= 2, 45_000, 500).catch(async err => {
      throw new Error(`${err.message}: attempts ${JSON.stringify(await b.sql('SELECT * FROM "videoRedundancyAttempt"'))}`)
    })
    const [ attempt ] = await b.sql<{ failures: number, retryAfter: Date, lastError: string }>(
      'SELECT ra.failures, ra."retryAfter", ra."lastError" FROM "videoRedundancyAttempt" ra JOIN video v ON v.id = ra."videoId" WHERE v.uuid = $1', [ failing ])
    expect(attempt.failures).to.be.greaterThan(0)
    expect(new Date(attempt.retryAfter).getTime()).to.be.greaterThan(Date.now() + 10_000)
    expect(Number((await mirroredRows(failing))[0].n)).to.equal(0)
  })
})
