import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { follow, waitForFollow } from '../federation/shared/follows.js'
import { deleteVideo, updateVideoFields } from '../federation/shared/remote-videos.js'
import { TestInstance } from '../shared/test-instance.js'
import { firstChannelId, uploadVideo } from '../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import {
  expectFollowerInSync, expectNoExposedFile, expectNoOrphanFiles, FAULT_INSTANCE_CONFIG, FULL_FAULT_SUITE, localVideos,
  waitForOriginSettled, waitForStorageSweep
} from './shared/convergence.js'

/**
 * The instance is killed (SIGKILL) at named points of an upload -> ladder -> federation -> privacy -> deletion
 * run (server/helpers/fault-points.ts), then restarted. Whatever the point, the run converges: every video is
 * published with its ladder, the follower shows each federated video exactly once, no file is orphaned and no
 * private file is exposed.
 */
describe('Crash points: SIGKILL at any step, then a restart, loses nothing', function () {
  const origin = new TestInstance(1)
  const follower = new TestInstance(2)
  let dir: string
  let clip: string
  let clipBytes: Buffer

  before(async function () {
    dir = await makeTempDir('crash-points')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 3, fps: 25 })
    clipBytes = await readFile(clip)
    await Promise.all([ origin, follower ].map(i => i.flushAndStart({ config: FAULT_INSTANCE_CONFIG })))
    await follow(follower, { hosts: [ origin.host ] })
    await waitForFollow(follower, 'following', origin.host, 'accepted')
  })

  after(async function () {
    await Promise.all([ origin.stop(), follower.stop() ])
    await removeDir(dir)
  })

  /** Restarts `instance` armed with a fault point, runs `act`, which must make it die there, then restarts it. */
  async function crashAt (instance: TestInstance, point: string, act: () => Promise<unknown>) {
    await instance.stop()
    let reached = false
    const name = point.split(':')[0]
    await instance.start({ config: FAULT_INSTANCE_CONFIG, env: { TUBELESS_FAULT_POINT: point }, onOutput: text => { if (text.includes(`fault point ${name} reached`)) reached = true } })

    // The request (or the job it starts) dies with the process: its error is the expected outcome.
    await act().catch(() => undefined)
    await instance.waitForExit(60_000)
    expect(reached, `the instance died at ${point}`).to.equal(true)

    await instance.start({ config: FAULT_INSTANCE_CONFIG })
  }

  async function upload (name: string) {
    const res = await uploadVideo(origin, clip, { name })
    return res.status === 200 ? res.body.video.uuid as string : undefined
  }

  async function uploadResumable (name: string) {
    const channelId = await firstChannelId(origin)
    const init = await origin.api().post('/api/v1/videos/upload-resumable').set('Authorization', `Bearer ${origin.accessToken}`)
      .set('X-Upload-Content-Length', String(clipBytes.length)).set('X-Upload-Content-Type', 'video/mp4')
      .send({ name, channelId, filename: 'clip.mp4' }).expect(201)
    const location = init.headers.location as string
    const half = Math.floor(clipBytes.length / 2)
    const put = (start: number, end: number) => origin.api().put(location).set('Authorization', `Bearer ${origin.accessToken}`)
      .set('Content-Range', `bytes ${start}-${end - 1}/${clipBytes.length}`).set('Content-Type', 'application/octet-stream')
      .send(clipBytes.subarray(start, end))
    return { location, first: () => put(0, half), last: () => put(half, clipBytes.length) }
  }

  /** After the restart: a client that lost its answer asks again, and finishes its upload. */
  async function resumeResumable (location: string) {
    const status = await origin.api().put(location).set('Authorization', `Bearer ${origin.accessToken}`)
      .set('Content-Range', `bytes */${clipBytes.length}`).send()
    if (status.status === 200) return status.body.video.uuid as string
    expect(status.status).to.equal(308)
    const received = status.headers.range ? Number(/bytes=0-(\d+)/.exec(status.headers.range)![1]) + 1 : 0
    const res = await origin.api().put(location).set('Authorization', `Bearer ${origin.accessToken}`)
      .set('Content-Range', `bytes ${received}-${clipBytes.length - 1}/${clipBytes.length}`).set('Content-Type', 'application/octet-stream')
      .send(clipBytes.subarray(received)).expect(200)
    return res.body.video.uuid as string
  }

  async function expectConverged () {
    await waitForOriginSettled(origin)
    await expectFollowerInSync(origin, follower)
    await waitForStorageSweep(origin)
    await expectNoOrphanFiles(origin)
    await expectNoExposedFile(origin)
  }

  async function somePublicVideo () {
    const video = (await localVideos(origin)).find(v => v.privacy === 1)
    if (video) return video.uuid
    const uuid = await upload('A video to change')
    await waitForOriginSettled(origin)
    return uuid!
  }

  interface CrashCase {
    point: string
    /** What the run does to reach the point. */
    title: string
    act: () => Promise<unknown>
    /** After the restart, what a client would do next (retry its request...). */
    then?: () => Promise<unknown>
    /**
     * In the short form (npm test): one kill point per kind of recovery, each a kill and two restarts. A retried
     * request answered once (resumable-video-created), a file job redone from the outbox after the restart
     * (move-first-file), and a delivery retried to a follower that died with it (inbox-accepted, below). The other
     * points, federate-committed among them (the outbox again, for a delivery), run with TUBELESS_FAULTS=full.
     */
    short?: boolean
  }

  let resumable: { location: string } | undefined
  let toMakePrivate: string | undefined
  let toDelete: string | undefined

  const cases: CrashCase[] = [
    { point: 'upload-committed', title: 'after the upload\'s row and job are committed, before its answer', act: () => upload('Killed before its answer') },
    { point: 'upload-copied', title: 'after the fast-start copy, before the ladder is released', act: () => upload('Killed after its copy') },
    // The first dispatch of a run is the start-up storage sweep's: the second is the upload's.
    { point: 'outbox-dispatch:2', title: 'between a commit and the queuing of its jobs', act: () => upload('Killed before queuing') },
    { point: 'rung-stored', title: 'in the middle of the ladder, a rung stored', act: () => upload('Killed mid-ladder') },
    { point: 'federate-committed', title: 'between the commit of a Create and its delivery', act: () => upload('Killed before delivery') },
    { point: 'delivery-sent', title: 'after a delivery went out, before it was recorded', act: () => upload('Killed after delivery') },
    {
      point: 'resumable-chunk-written',
      title: 'mid-resumable-upload, a chunk written and not answered',
      act: async () => {
        const session = await uploadResumable('Resumable killed mid-way')
        resumable = session
        await session.first()
      },
      then: async () => resumeResumable(resumable!.location)
    },
    {
      point: 'resumable-video-created',
      title: 'when the last chunk made the video, before its answer',
      act: async () => {
        const session = await uploadResumable('Resumable killed at the end')
        resumable = session
        expect((await session.first()).status).to.equal(308)
        await session.last()
      },
      then: async () => {
        const uuid = await resumeResumable(resumable!.location)
        const named = (await localVideos(origin)).filter(v => v.name === 'Resumable killed at the end')
        expect(named.map(v => v.uuid), 'the retried last chunk gets the same video, not a second one').to.deep.equal([ uuid ])
      },
      short: true
    },
    {
      point: 'update-committed',
      title: 'when a privacy change is committed, before its files move',
      act: async () => {
        toMakePrivate = await somePublicVideo()
        await updateVideoFields(origin, toMakePrivate, { privacy: 3 })
      }
    },
    {
      point: 'move-first-file',
      title: 'in the middle of a privacy move',
      act: async () => {
        toMakePrivate = await somePublicVideo()
        await updateVideoFields(origin, toMakePrivate, { privacy: 3 })
      },
      short: true
    },
    {
      point: 'delete-committed',
      title: 'when a deletion is committed, before its files go',
      act: async () => {
        toDelete = await somePublicVideo()
        await deleteVideo(origin, toDelete)
      }
    },
    {
      point: 'files-removal-started',
      title: 'in the middle of removing a deleted video\'s files',
      act: async () => {
        toDelete = await somePublicVideo()
        await deleteVideo(origin, toDelete)
      }
    }
  ]

  for (const crash of cases.filter(c => FULL_FAULT_SUITE || c.short)) {
    it(`recovers from a kill ${crash.title} (${crash.point})`, async function () {
      this.timeout(300_000)
      await crashAt(origin, crash.point, crash.act)
      await crash.then?.()
      await expectConverged()
    })
  }

  it('recovers from a follower killed after it accepted an activity, before it answered (inbox-accepted)', async function () {
    this.timeout(300_000)
    await crashAt(follower, 'inbox-accepted', async () => upload('Delivered to a dying follower'))
    await expectConverged()
  })
})
