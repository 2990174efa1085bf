import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import Bull from 'bull'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
import { TestInstance } from '../../shared/test-instance.js'
import { testServices } from '../../shared/test-services.js'
import { ffprobeJson } from '../../shared/media.js'
import { getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Transcoding: audio-only sources and failures', function () {
  const instance = new TestInstance(3)
  let dir: string

  before(async function () {
    dir = await makeTempDir('edge-cases')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  it('publishes an audio-only upload as a web-playable video', async function () {
    const audio = await generateClip(join(dir, 'song.m4a'), { width: 0, height: 0, video: 'none', audio: 'aac', durationSeconds: 3 })
    const res = await uploadVideo(instance, audio, { name: 'A song' })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)

    const video = await waitForLadder(instance, res.body.video.uuid, [ 480 ])
    const probe = await ffprobeJson(video.files[0].fileUrl)
    expect(probe.streams.map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    expect(video.files[0].hasAudio).to.equal(true)
  })

  it('retries a failing transcoding, then marks the video failed and shows the admin why', async function () {
    const clip = await generateClip(join(dir, 'vp9.webm'), { width: 640, height: 360, durationSeconds: 2, video: 'vp9', audio: 'opus' })
    await instance.api().post('/api/v1/jobs/pause').set(auth()).expect(204)
    const uuid = (await uploadVideo(instance, clip, { name: 'Doomed video' })).body.video.uuid

    // The kept source disappears (a disk failure, an admin's mistake): every attempt fails.
    const inputs = fromRoot(instance.storageFolder, 'tmp', 'inputs')
    for (const file of (await readdir(inputs)).filter(f => f.startsWith(uuid))) await rm(join(inputs, file))
    await instance.api().post('/api/v1/jobs/resume').set(auth()).expect(204)

    const video = await waitUntil(async () => {
      const body = (await getVideo(instance, uuid)).body
      return body.state?.id === 7 ? body : false
    }, 90_000, 500)
    expect(video.state).to.deep.equal({ id: 7, label: 'Transcoding failed' })
    expect(video.files).to.deep.equal([])

    const failed = (await instance.api().get('/api/v1/jobs/failed?jobType=video-transcoding').set(auth()).expect(200)).body.data
    const job = failed.find((j: { data: { videoUUID: string } }) => j.data.videoUUID === uuid)
    expect(job.error).to.match(/ENOENT|No such file/)

    // Not listed: there is nothing to play.
    const list = (await instance.api().get('/api/v1/videos').expect(200)).body.data
    expect(list.map((v: { uuid: string }) => v.uuid)).to.not.include(uuid)
  })
})

describe('Transcoding switched off', function () {
  const instance = new TestInstance(2)
  let dir: string

  before(async function () {
    dir = await makeTempDir('no-transcoding')
    await instance.flushAndStart({ config: { transcoding: { enabled: false } } })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('publishes the source\'s own resolution only', async function () {
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 1280, height: 720, durationSeconds: 2 })
    const res = await uploadVideo(instance, clip)
    expect(res.status).to.equal(200)

    const video = await waitForLadder(instance, res.body.video.uuid, [ 720 ])
    expect(video.files).to.have.length(1)
  })
})

describe('Transcoding interrupted by a deletion or a lost job', function () {
  const instance = new TestInstance(1)
  let dir: string

  before(async function () {
    dir = await makeTempDir('transcoding-interruptions')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })
  const workDir = (uuid: string) => fromRoot(instance.storageFolder, 'tmp', 'transcoding', uuid)

  it('stops encoding a video deleted while it transcodes, and removes its work files', async function () {
    const clip = await generateClip(join(dir, 'vp9-long.webm'), { width: 1280, height: 720, durationSeconds: 20, video: 'vp9', audio: 'opus' })
    const uuid = (await uploadVideo(instance, clip, { name: 'Deleted mid-ladder' })).body.video.uuid
    // The first rung is out: the rest is being encoded now.
    await waitUntil(async () => ((await getVideo(instance, uuid)).body.files?.length ?? 0) !== 0, 60_000, 100)

    await instance.api().delete(`/api/v1/videos/${uuid}`).set(auth()).expect(204)

    const job = await waitUntil(async () => {
      const res = await instance.api().get('/api/v1/jobs/completed?jobType=video-transcoding').set(auth()).expect(200)
      return res.body.data.find((j: { data: { videoUUID: string } }) => j.data.videoUUID === uuid)
    }, 30_000)
    expect(job.state).to.equal('completed')
    expect(await readdir(workDir(uuid)).catch(() => 'gone')).to.equal('gone')
  })

  it('gives a kept upload its transcoding job back at start-up when Redis lost it', async function () {
    const clip = await generateClip(join(dir, 'vp9-short.webm'), { width: 640, height: 360, durationSeconds: 2, video: 'vp9', audio: 'opus' })
    await instance.api().post('/api/v1/jobs/pause').set(auth()).expect(204)
    const uuid = (await uploadVideo(instance, clip, { name: 'Lost job' })).body.video.uuid
    await instance.stop()

    // As if Redis had lost its data: the job is gone from the queue, its outbox entry is still in the database.
    const queue = new Bull('video-transcoding', { prefix: 'tubeless', createClient: () => testServices.redisClient(instance.n) })
    const jobs = await queue.getJobs([ 'waiting', 'paused', 'delayed', 'active' ])
    const lost = jobs.filter(job => job?.data.videoUUID === uuid)
    expect(lost).to.have.length(1)
    await lost[0].remove()
    await queue.close()

    await instance.start()
    await instance.api().post('/api/v1/jobs/resume').set(auth()).expect(204)
    await waitForLadder(instance, uuid, [ 360, 240 ])
  })
})
