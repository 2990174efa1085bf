import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { getVideo, uploadVideoChecked, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

/** Two rungs, so a 240p upload is published at once with one rendition still coming. */
const TWO_RUNGS = {
  transcoding: {
    resolutions: { '144p': true, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false }
  }
}

describe('Scheduled publication and the video source', function () {
  const instance = new TestInstance(1)
  let dir: string
  let clip: string
  let other: CreatedUser

  before(async function () {
    dir = await makeTempDir('scheduled-publication')
    ;[ clip ] = await Promise.all([
      generateClip(join(dir, 'clip.mp4'), { width: 426, height: 240, durationSeconds: 2 }),
      instance.flushAndStart({ config: TWO_RUNGS })
    ])
    other = await createUser(instance, 'other')
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  describe('scheduleUpdate', function () {
    it('publishes a private video at the time it was given, then forgets the schedule', async function () {
      const later = new Date(Date.now() + 3_600_000).toISOString()
      const upload = await uploadVideoChecked(instance, clip, {
        name: 'Published later',
        privacy: 3,
        extra: { 'scheduleUpdate[updateAt]': later, 'scheduleUpdate[privacy]': 1 }
      })
      const uuid = upload.body.video.uuid as string

      const before = await getVideo(instance, uuid).expect(200)
      expect(before.body.privacy.id).to.equal(3)
      expect(before.body.scheduledUpdate).to.deep.equal({ updateAt: later, privacy: 1 })
      // Nobody else learns when it will be out.
      await instance.api().get(`/api/v1/videos/${uuid}`).expect(401)
      const mine = await instance.api().get('/api/v1/users/me/videos').set(auth(instance.accessToken)).expect(200)
      expect(mine.body.data.find((v: { uuid: string }) => v.uuid === uuid).scheduledUpdate).to.deep.equal({ updateAt: later, privacy: 1 })

      // Brought forward to a second from now: the scheduler (every second on test instances) applies it.
      const updateAt = new Date(Date.now() + 1000).toISOString()
      await instance.api().put(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).send({ scheduleUpdate: { updateAt, privacy: 1 } }).expect(204)
      const published = await waitUntil(async () => {
        const res = await instance.api().get(`/api/v1/videos/${uuid}`)
        return res.status === 200 ? res.body : false
      }, 20_000, 300)
      expect(published.privacy.id).to.equal(1)
      expect(Date.parse(published.publishedAt)).to.be.at.least(Date.parse(updateAt) - 1000)
      expect((await getVideo(instance, uuid).expect(200)).body).not.to.have.property('scheduledUpdate')
      const rows = await instance.sql<{ count: string }>('SELECT count(*) FROM "scheduleVideoUpdate"')
      expect(Number(rows[0].count)).to.equal(0)
    })

    it('sets, replaces and removes a schedule on update (null removes it)', async function () {
      const upload = await uploadVideoChecked(instance, clip, { name: 'Rescheduled', privacy: 3 })
      const uuid = upload.body.video.uuid as string
      const later = new Date(Date.now() + 3_600_000).toISOString()

      await instance.api().put(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken))
        .send({ scheduleUpdate: { updateAt: later, privacy: 2 } }).expect(204)
      expect((await getVideo(instance, uuid).expect(200)).body.scheduledUpdate).to.deep.equal({ updateAt: later, privacy: 2 })

      await instance.api().put(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).send({ scheduleUpdate: null }).expect(204)
      expect((await getVideo(instance, uuid).expect(200)).body).not.to.have.property('scheduledUpdate')
    })

    it('refuses a schedule to a private privacy or without a valid date, naming the field', async function () {
      const upload = await uploadVideoChecked(instance, clip, { name: 'Bad schedules', privacy: 3 })
      const uuid = upload.body.video.uuid as string
      const put = (body: object) => instance.api().put(`/api/v1/videos/${uuid}`).set(auth(instance.accessToken)).send(body).expect(400)

      const toPrivate = await put({ scheduleUpdate: { updateAt: new Date(Date.now() + 60_000).toISOString(), privacy: 3 } })
      expect(toPrivate.body['invalid-params']).to.have.keys('scheduleUpdate.privacy')
      const noDate = await put({ scheduleUpdate: { updateAt: 'next tuesday', privacy: 1 } })
      expect(noDate.body['invalid-params']).to.have.keys('scheduleUpdate.updateAt')
      const notObject = await put({ scheduleUpdate: 'tomorrow' })
      expect(notObject.body['invalid-params']).to.have.keys('scheduleUpdate')
    })
  })

  describe('GET /videos/{id}/source', function () {
    it('tells the owner what was uploaded and which renditions are still coming, until the ladder is done', async function () {
      const upload = await uploadVideoChecked(instance, clip, { name: 'Two rungs' })
      const uuid = upload.body.video.uuid as string

      const source = await instance.api().get(`/api/v1/videos/${uuid}/source`).set(auth(instance.accessToken)).expect(200)
      expect(source.body).to.include({ inputFilename: 'clip.mp4', filename: 'clip.mp4', width: 426, height: 240, fileDownloadUrl: null })
      expect(source.body.resolution).to.deep.equal({ id: 240, label: '240p' })
      expect(source.body.size).to.be.greaterThan(1000)
      expect(source.body.transcoding.plannedResolutions).to.deep.equal([ 240, 144 ])
      expect(source.body.transcoding.state).to.be.oneOf([ 'running', 'finished' ])

      await waitForLadder(instance, uuid, [ 240, 144 ])
      const done = await waitUntil(async () => {
        const res = await instance.api().get(`/api/v1/videos/${uuid}/source`).set(auth(instance.accessToken)).expect(200)
        return res.body.transcoding.state === 'finished' ? res.body : false
      }, 20_000, 300)
      expect(done.transcoding.plannedResolutions).to.deep.equal([ 240, 144 ])
    })

    it('is the owner\'s only', async function () {
      const upload = await uploadVideoChecked(instance, clip, { name: 'Not yours' })
      const uuid = upload.body.video.uuid as string
      await instance.api().get(`/api/v1/videos/${uuid}/source`).set(auth(other.token)).expect(403)
      await instance.api().get(`/api/v1/videos/${uuid}/source`).expect(401)
      await instance.api().get('/api/v1/videos/00000000-0000-4000-8000-000000000000/source').set(auth(instance.accessToken)).expect(404)
    })
  })
})
