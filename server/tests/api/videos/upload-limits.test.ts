import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Upload limits: size and duration', function () {
  const instance = new TestInstance(3)
  let dir: string
  let clip: string

  before(async function () {
    dir = await makeTempDir('limits')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 3 })
    await instance.flushAndStart({ config: { video: { max_duration: '2 seconds', max_file_size: '1MB' } } })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  async function leftovers () {
    const tmp = fromRoot(instance.storageFolder, 'tmp')
    const folders = [ 'uploads', 'inputs', 'resumable-uploads' ]
    const entries = await Promise.all(folders.map(f => readdir(join(tmp, f)).catch(() => [] as string[])))
    return entries.flat()
  }

  it('refuses a video longer than video.max_duration, and keeps nothing', async function () {
    const res = await uploadVideo(instance, clip)

    expect(res.status).to.equal(400)
    expect(res.body['invalid-params'].videofile.msg).to.match(/longer than/)
    expect(await instance.sql('SELECT count(*)::int AS n FROM video')).to.deep.equal([ { n: 0 } ])
    expect(await leftovers()).to.deep.equal([])
  })

  it('refuses a multipart file over video.max_file_size with 413, and keeps nothing', async function () {
    const big = await generateClip(join(dir, 'big.mp4'), { width: 1280, height: 720, durationSeconds: 3, bitrate: '8M' })
    const res = await uploadVideo(instance, big)

    expect(res.status).to.equal(413)
    expect(res.body.code).to.equal('max_file_size_reached')
    expect(await leftovers()).to.deep.equal([])
  })

  it('refuses a resumable upload announcing more than video.max_file_size before any byte is sent', async function () {
    const res = await instance.api()
      .post('/api/v1/videos/upload-resumable')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('X-Upload-Content-Length', String(10 * 1024 * 1024))
      .set('X-Upload-Content-Type', 'video/mp4')
      .send({ name: 'Too big', channelId: await firstChannelId(instance), filename: 'big.mp4' })

    expect(res.status).to.equal(413)
    expect(await leftovers()).to.deep.equal([])
  })
})
