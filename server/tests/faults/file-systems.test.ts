import { execFileSync } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { fromRoot } from '../../helpers/project-root.js'
import { TestInstance } from '../shared/test-instance.js'
import { firstChannelId, getVideo, uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FAULT_INSTANCE_CONFIG, FULL_FAULT_SUITE, waitForOriginSettled } from './shared/convergence.js'

/** Bytes used under `folder` as the instance sees it (its tmpfs lives in its own mount namespace). */
function usedInsideInstance (instance: TestInstance, folder: string) {
  const out = execFileSync('nsenter', [ '-t', String(instance.pid), '-m', '--', 'du', '-sb', fromRoot(instance.storageDir(folder)) ], { encoding: 'utf8' })
  return Number(out.split(/\s/)[0])
}

describe('Storage layouts: another file system, a full disk', function () {
  const instance = new TestInstance(1)
  let dir: string
  let webReady: string
  let vp9: string

  before(async function () {
    dir = await makeTempDir('file-systems')
    webReady = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2, fps: 25 })
    vp9 = await generateClip(join(dir, 'clip.webm'), { width: 640, height: 360, durationSeconds: 2, video: 'vp9', audio: 'opus' })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('transcodes with storage.tmp on another file system than the videos (a tmpfs): files are copied, not renamed', async function () {
    this.timeout(120_000)
    await instance.flushAndStart({ config: FAULT_INSTANCE_CONFIG, tmpfs: [ { folder: 'tmp', size: '256m' } ] })
    for (const clip of [ webReady, vp9 ]) expect((await uploadVideo(instance, clip)).status).to.equal(200)
    await waitForOriginSettled(instance)

    // The tmpfs is the instance's own: from here its tmp folder looks empty, the videos are on the real disk.
    expect(await readdir(fromRoot(instance.storageDir('tmp'))).catch(() => [])).to.deep.equal([])
    const stored = await instance.sql<{ filename: string }>('SELECT filename FROM "videoFile" WHERE "videoId" IS NOT NULL')
    expect(stored).to.have.length(4)
    expect(await readdir(fromRoot(instance.storageDir('web_videos')))).to.include.members(stored.map(f => f.filename))
  })

  it('refuses an upload the disk cannot hold with a 507 problem, before storing anything', async function () {
    this.timeout(120_000)
    await instance.stop()
    await instance.flushAndStart({ config: FAULT_INSTANCE_CONFIG, tmpfs: [ { folder: 'tmp', size: '4m' } ] })
    const big = await generateClip(join(dir, 'big.mp4'), { width: 1280, height: 720, durationSeconds: 3, bitrate: '20M' })
    const size = (await readFile(big)).length
    expect(size).to.be.greaterThan(4 * 1024 * 1024)

    const multipart = await uploadVideo(instance, big)
    expect(multipart.status).to.equal(507)
    expect(multipart.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(multipart.body.code).to.equal('insufficient_storage')

    const resumable = await instance.api().post('/api/v1/videos/upload-resumable').set('Authorization', `Bearer ${instance.accessToken}`)
      .set('X-Upload-Content-Length', String(size)).set('X-Upload-Content-Type', 'video/mp4')
      .send({ name: 'Too big for this disk', channelId: await firstChannelId(instance), filename: 'big.mp4' })
    expect(resumable.status).to.equal(507)
    expect(usedInsideInstance(instance, 'tmp'), 'nothing kept').to.be.lessThan(64 * 1024)

    // The disk is not blocked: an upload that fits goes through.
    expect((await uploadVideo(instance, webReady)).status).to.equal(200)
  })

  ;(FULL_FAULT_SUITE ? it : it.skip)('fails a rendition that fills the disk with a reason, and gives the space back', async function () {
    this.timeout(180_000)
    await instance.stop()
    await instance.flushAndStart({ config: FAULT_INSTANCE_CONFIG, tmpfs: [ { folder: 'streaming_playlists', size: '96k' } ] })
    const uuid = (await uploadVideo(instance, vp9, { name: 'No room for its HLS' })).body.video.uuid as string

    const failed = await waitUntil(async () => {
      const video = (await getVideo(instance, uuid)).body
      return video.state.id === 7 ? video : undefined
    }, 150_000, 1000)
    expect(failed.state.label).to.match(/fail/i)
    const [ { stateReason } ] = await instance.sql<{ stateReason: string }>('SELECT "stateReason" FROM video WHERE uuid = $1', [ uuid ])
    expect(stateReason).to.match(/disk space/)
    expect(usedInsideInstance(instance, 'streaming_playlists'), 'no half-written rendition left').to.be.lessThan(8 * 1024)
    expect(await readdir(fromRoot(instance.storageDir('tmp'), 'transcoding', uuid)).catch(() => [])).to.deep.equal([])
  })
})
