import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { ffprobeJson } from '../../shared/media.js'
import { getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Playable within seconds, then the whole ladder', function () {
  const instance = new TestInstance(2)
  let dir: string

  before(async function () {
    dir = await makeTempDir('fast-publication')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  async function transcodingJobs (state: string) {
    const res = await instance.api().get(`/api/v1/jobs/${state}?jobType=video-transcoding`).set(auth()).expect(200)
    return res.body.data as { data: { videoUUID: string } }[]
  }

  /** Web-video and HLS file rows of one video. */
  function countFiles (uuid: string) {
    return instance.sql(
      'SELECT count(*)::int AS n FROM "videoFile" f LEFT JOIN "videoStreamingPlaylist" p ON p.id = f."videoStreamingPlaylistId" ' +
      'JOIN video v ON v.id = COALESCE(f."videoId", p."videoId") WHERE v.uuid = $1',
      [ uuid ]
    )
  }

  it('lists and plays a web-compatible upload before its ladder job has run', async function () {
    const clip = await generateClip(join(dir, 'h264-720p.mp4'), { width: 1280, height: 720, durationSeconds: 4 })
    // Hold the ladder back: whatever is playable now was made during the upload itself.
    await instance.api().post('/api/v1/jobs/pause').set(auth()).expect(204)

    const res = await uploadVideo(instance, clip, { name: 'Instant video' })
    expect(res.status).to.equal(200)
    const uuid = res.body.video.uuid

    const video = (await getVideo(instance, uuid).expect(200)).body
    expect(video.state.id).to.equal(1)
    expect(video.files).to.have.length(1)
    expect(video.files[0].resolution.id).to.equal(720)
    expect(video.files[0].torrentUrl).to.be.a('string')
    expect(video.streamingPlaylists[0].files).to.have.length(1)

    const listed = (await instance.api().get('/api/v1/videos').expect(200)).body.data
    expect(listed.map((v: { uuid: string }) => v.uuid)).to.include(uuid)

    const probe = await ffprobeJson(video.files[0].fileUrl)
    expect(probe.streams.map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    expect(parseFloat(probe.format.duration)).to.be.closeTo(4, 0.2)

    const waiting = await transcodingJobs('waiting')
    expect(waiting.map(j => j.data.videoUUID)).to.include(uuid)

    await instance.api().post('/api/v1/jobs/resume').set(auth()).expect(204)
    const done = await waitForLadder(instance, uuid, [ 720, 480, 360, 240 ])
    expect(done.files.map((f: { resolution: { id: number } }) => f.resolution.id)).to.deep.equal([ 720, 480, 360, 240 ])
  })

  it('replaces a stand-in copy of a too-heavy source, keeping its file a while for whoever is playing it', async function () {
    // 8 Mb/s is above the 720p cap: the copy plays at once, and the 720p rung is then encoded within limits.
    const clip = await generateClip(join(dir, 'heavy-720p.mp4'), { width: 1280, height: 720, durationSeconds: 3, bitrate: '8M' })
    const res = await uploadVideo(instance, clip, { name: 'Heavy source' })
    const standIn = (await getVideo(instance, res.body.video.uuid).expect(200)).body.files[0]
    expect(standIn.resolution.id).to.equal(720)

    const done = await waitForLadder(instance, res.body.video.uuid, [ 720, 480, 360, 240 ])
    const encoded = done.files.find((f: { resolution: { id: number } }) => f.resolution.id === 720)
    expect(encoded.fileUrl).to.not.equal(standIn.fileUrl)
    expect(encoded.size).to.be.lessThan(standIn.size)

    await instance.api().get(new URL(standIn.fileUrl).pathname).set('Range', 'bytes=0-99').expect(206)
    const delayed = await instance.api().get('/api/v1/jobs/delayed?jobType=files-removal').set(auth()).expect(200)
    expect(delayed.body.data.flatMap((j: { data: { paths: string[] } }) => j.data.paths).some((p: string) => p.endsWith(new URL(standIn.fileUrl).pathname.split('/').pop()!)))
      .to.equal(true)
  })

  it('encodes a first rung alone for a source that needs encoding, then the rest', async function () {
    const clip = await generateClip(join(dir, 'vp9-720p.webm'), { width: 1280, height: 720, durationSeconds: 3, video: 'vp9', audio: 'opus' })

    const res = await uploadVideo(instance, clip, { name: 'VP9 source' })
    expect(res.status).to.equal(200)

    const done = await waitForLadder(instance, res.body.video.uuid, [ 720, 480, 360, 240 ])
    for (const file of done.files) {
      const probe = await ffprobeJson(file.fileUrl)
      expect(probe.streams.map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    }
  })

  it('after a crash mid-ladder, completes only what was missing', async function () {
    this.timeout(300_000) // two 12 s encodes and a restart: minutes on a busy 2-core machine
    const clip = await generateClip(join(dir, 'vp9-long.webm'), { width: 1280, height: 720, durationSeconds: 12, video: 'vp9', audio: 'opus' })
    const uuid = (await uploadVideo(instance, clip, { name: 'Crash test' })).body.video.uuid

    // The first rung is published by the job; kill the instance as soon as it is, while the rest is encoding.
    const first = await waitUntil(async () => {
      const video = (await getVideo(instance, uuid)).body
      return video.files?.length ? video : false
    }, 60_000, 100)
    await instance.kill()

    expect(first.files).to.have.length(1)
    const firstRung = first.files[0]
    const firstHls = first.streamingPlaylists[0].files[0]
    expect(await countFiles(uuid)).to.deep.equal([ { n: 2 } ])

    await instance.start()
    const done = await waitForLadder(instance, uuid, [ 720, 480, 360, 240 ], { timeoutMs: 180_000 })

    const sameRung = done.files.find((f: { resolution: { id: number } }) => f.resolution.id === firstRung.resolution.id)
    const sameHls = done.streamingPlaylists[0].files.find((f: { resolution: { id: number } }) => f.resolution.id === firstHls.resolution.id)
    expect(sameRung.fileUrl, 'the published rung was kept, not encoded again').to.equal(firstRung.fileUrl)
    expect(sameHls.fileUrl).to.equal(firstHls.fileUrl)
    expect(await countFiles(uuid), 'one web video and one HLS file per rung, nothing more').to.deep.equal([ { n: 8 } ])
  })
})

describe('A graceful restart during transcoding', function () {
  const instance = new TestInstance(3)
  let dir: string

  before(async function () {
    dir = await makeTempDir('graceful-restart')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('interrupts ffmpeg, and the ladder resumes after the restart', async function () {
    this.timeout(300_000)
    const clip = await generateClip(join(dir, 'vp9-long.webm'), { width: 1280, height: 720, durationSeconds: 12, video: 'vp9', audio: 'opus' })
    const uuid = (await uploadVideo(instance, clip, { name: 'Restarted' })).body.video.uuid
    await waitUntil(async () => ((await getVideo(instance, uuid)).body.files?.length ?? 0) !== 0, 60_000, 100)

    const started = Date.now()
    await instance.stop()
    expect(Date.now() - started, 'shutdown does not wait for the encode').to.be.below(10_000)
    expect(instance.lastExitCode).to.equal(0)

    await instance.start()
    const done = await waitForLadder(instance, uuid, [ 720, 480, 360, 240 ], { timeoutMs: 180_000 })
    expect(done.state.id).to.equal(1)
    const failed = (await instance.api().get('/api/v1/jobs/failed').set('Authorization', `Bearer ${instance.accessToken}`).expect(200)).body.data
    expect(failed.filter((j: { data: { videoUUID?: string } }) => j.data.videoUUID === uuid)).to.deep.equal([])
  })
})
