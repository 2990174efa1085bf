import { join } from 'node:path'
import { expect } from 'chai'
import { findProcesses } from '../../helpers/processes.js'
import { fromRoot } from '../../helpers/project-root.js'
import { EmbeddedRedis } from '../../initializers/embedded/redis.js'
import { TestInstance } from '../shared/test-instance.js'
import { getVideo, uploadVideo, waitForLadder } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FAULT_INSTANCE_CONFIG, FULL_FAULT_SUITE } from './shared/convergence.js'

// Slow (a 20 s 720p source, retries with backoff): in npm run test:faults only.
(FULL_FAULT_SUITE ? describe : describe.skip)('What a killed run leaves behind, and jobs that run too long', function () {
  const instance = new TestInstance(1)
  let dir: string
  let longClip: string

  before(async function () {
    dir = await makeTempDir('leftovers')
    longClip = await generateClip(join(dir, 'long.webm'), { width: 1280, height: 720, durationSeconds: 20, video: 'vp9', audio: 'opus' })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const ffmpegOfInstance = () => findProcesses(p => /(^|\/)ffmpeg$/.test(p.command) && p.args.some(a => a.startsWith(fromRoot(instance.storageFolder))))
  const redisOfInstance = () => {
    const socket = new EmbeddedRedis({ dataDir: fromRoot(instance.storageDir('embedded_services'), 'redis') }).socketPath
    return findProcesses(p => [ p.command, ...p.args ].join(' ').includes(`unixsocket:${socket}`))
  }

  it('stops the ffmpeg and the embedded redis-server of a killed run at the next start, then resumes', async function () {
    this.timeout(240_000)
    const config = { ...FAULT_INSTANCE_CONFIG, redis: { embedded: true } }
    await instance.flushAndStart({ config })
    const uuid = (await uploadVideo(instance, longClip, { name: 'Killed while encoding' })).body.video.uuid as string

    const orphan = await waitUntil(async () => ffmpegOfInstance()[0], 60_000, 100)
    const [ oldRedis ] = redisOfInstance()
    expect(oldRedis, 'the instance runs its own redis-server').to.not.equal(undefined)
    await instance.kill()
    expect(ffmpegOfInstance().map(p => p.pid), 'ffmpeg outlives a SIGKILL of the instance').to.include(orphan.pid)
    expect(redisOfInstance().map(p => p.pid), 'so does its redis-server').to.deep.equal([ oldRedis.pid ])

    await instance.start({ config })
    expect(ffmpegOfInstance().map(p => p.pid), 'the orphaned ffmpeg is stopped').to.not.include(orphan.pid)
    const redis = redisOfInstance()
    expect(redis, 'one redis-server, a new one').to.have.length(1)
    expect(redis[0].pid).to.not.equal(oldRedis.pid)
    // The source's own 720p is kept in the ladder.
    await waitForLadder(instance, uuid, [ 240, 360, 720 ], { timeoutMs: 180_000 })
  })

  it('stops a transcoding that runs past its time limit, and fails the video with the reason', async function () {
    this.timeout(120_000)
    await instance.stop()
    await instance.flushAndStart({ config: { ...FAULT_INSTANCE_CONFIG, transcoding: { timeout: { minimum: '1 second', per_minute_of_video: '0 seconds' } } } })
    const uuid = (await uploadVideo(instance, longClip, { name: 'Too slow to encode' })).body.video.uuid as string

    const failed = await waitUntil(async () => {
      const video = (await getVideo(instance, uuid)).body
      return video.state.id === 7 ? video : undefined
    }, 100_000, 1000)
    expect(failed.state.id).to.equal(7)
    const [ { stateReason } ] = await instance.sql<{ stateReason: string }>('SELECT "stateReason" FROM video WHERE uuid = $1', [ uuid ])
    expect(stateReason).to.match(/longer than its limit of 1 s/)
    expect(ffmpegOfInstance(), 'its ffmpeg was killed').to.deep.equal([])
  })
})
