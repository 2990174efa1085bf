import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { expectNoExposedFile, FAULT_INSTANCE_CONFIG, localVideos, waitForOriginSettled } from './shared/convergence.js'

/**
 * Work done under a video's lock joins the lock's transaction, so lock holders never wait for a second
 * connection: twenty privacy changes and uploads at once on a pool of five all finish.
 */
describe('A small connection pool under concurrent privacy changes and uploads', function () {
  const instance = new TestInstance(1)
  const output: string[] = []
  let dir: string
  let clip: string

  before(async function () {
    dir = await makeTempDir('pool')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2, fps: 25 })
    await instance.flushAndStart({
      config: { ...FAULT_INSTANCE_CONFIG, database: { pool: { max: 5, acquire_timeout: '10 seconds' } } },
      onOutput: text => output.push(text)
    })
    for (let i = 0; i < 4; i++) expect((await uploadVideo(instance, clip, { name: `Pool video ${i}` })).status).to.equal(200)
    await waitForOriginSettled(instance)
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('finishes twenty concurrent privacy changes and uploads, none timing out for a connection', async function () {
    this.timeout(180_000)
    const videos = await localVideos(instance)
    const auth = { Authorization: `Bearer ${instance.accessToken}` }
    const changes = Array.from({ length: 16 }, (_, i) => {
      const video = videos[i % videos.length]
      return instance.api().put(`/api/v1/videos/${video.uuid}`).set(auth).field('privacy', String(i % 2 === 0 ? 3 : 1)).then(r => r.status)
    })
    const uploads = Array.from({ length: 4 }, (_, i) => uploadVideo(instance, clip, { name: `Concurrent upload ${i}` }).then(r => r.status))

    const statuses = await Promise.all([ ...changes, ...uploads ])
    expect(statuses.filter(s => s !== 204 && s !== 200)).to.deep.equal([])
    await waitForOriginSettled(instance)
    await expectNoExposedFile(instance)
    expect(output.join('')).to.not.match(/ConnectionAcquireTimeout|operation timeout/i)
  })
})
