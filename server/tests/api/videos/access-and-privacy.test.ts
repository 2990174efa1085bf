import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { rawGet } from './http-and-settled-video.js'

describe('Video access: ownership, privacy and quota', function () {
  const instance = new TestInstance(2)
  let dir: string
  let clip: string
  let aliceToken: string
  let privateVideo: any

  before(async function () {
    dir = await makeTempDir('access')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2 })
    await instance.flushAndStart({ config: { transcoding: { resolutions: { '240p': true, '360p': true, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } } })

    await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ username: 'alice', password: 'alice-password', email: 'alice@example.com', role: 2, videoQuota: 1000, videoQuotaDaily: -1 })
      .expect(200)
    aliceToken = await instance.login('alice', 'alice-password')
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('refuses an upload to another user\'s channel', async function () {
    const res = await uploadVideo(instance, clip, { token: aliceToken, channelId: await firstChannelId(instance, 'root') })
    expect(res.status).to.equal(403)
    expect(res.headers['content-type']).to.match(/problem\+json/)
  })

  it('refuses an upload over the user\'s quota, leaving nothing behind', async function () {
    const res = await uploadVideo(instance, clip, { token: aliceToken, channelId: await firstChannelId(instance, 'alice') })
    // PeerTube answers 413 with the quota_reached code.
    expect(res.status).to.equal(413)
    expect(res.body.code).to.equal('quota_reached')
    expect(await instance.sql('SELECT count(*)::int AS n FROM video')).to.deep.equal([ { n: 0 } ])
  })

  it('keeps a private video out of lists and away from other users', async function () {
    const res = await uploadVideo(instance, clip, { name: 'Secret video', privacy: 3 })
    expect(res.status).to.equal(200)
    privateVideo = await waitForLadder(instance, res.body.video.uuid, [ 360, 240 ])

    expect((await instance.api().get('/api/v1/videos').expect(200)).body.total).to.equal(0)
    // PeerTube's codes: log in (401), or you may not see it (403).
    await instance.api().get(`/api/v1/videos/${privateVideo.uuid}`).expect(401)
    await getVideo(instance, privateVideo.uuid, aliceToken).expect(403)
  })

  it('serves a private video\'s files only to its owner (token header or video file token)', async function () {
    const file = privateVideo.files[0]
    const path = new URL(file.fileUrl).pathname
    expect(path).to.match(/^\/static\/web-videos\/private\//)

    await instance.api().get(path).expect(404)
    await instance.api().get(path).set('Authorization', `Bearer ${aliceToken}`).expect(403)
    await instance.api().get(path).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)

    const { token } = (await instance.api().post(`/api/v1/videos/${privateVideo.uuid}/token`).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)).body.files
    await instance.api().get(path).query({ videoFileToken: token }).set('Range', 'bytes=0-9').expect(206)

    // The private folder is not reachable through the public route either. Sent raw: supertest would normalize the
    // path into the guarded one (static-path-safety.test.ts tries every spelling).
    const filename = path.split('/').pop() as string
    for (const trick of [ `/static/web-videos/x/../private/${filename}`, `/static/web-videos/%70rivate/${filename}` ]) {
      expect((await rawGet(instance, trick)).status, trick).to.equal(404)
    }
    const hlsPath = new URL(privateVideo.streamingPlaylists[0].playlistUrl).pathname
    await instance.api().get(hlsPath).expect(404)
    await instance.api().get(hlsPath).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
  })

  it('moves the files to the public folders when the video becomes public', async function () {
    await instance.api().put(`/api/v1/videos/${privateVideo.uuid}`)
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ privacy: 1 })
      .expect(204)

    const video = (await instance.api().get(`/api/v1/videos/${privateVideo.uuid}`).expect(200)).body
    const path = new URL(video.files[0].fileUrl).pathname
    expect(path).to.match(/^\/static\/web-videos\/[^/]+\.mp4$/)
    await instance.api().get(path).expect(200)
    await instance.api().get(new URL(video.streamingPlaylists[0].playlistUrl).pathname).expect(200)
    expect((await instance.api().get('/api/v1/videos').expect(200)).body.total).to.equal(1)
  })

  it('lets only the owner or a moderator update or delete a video', async function () {
    await instance.api().put(`/api/v1/videos/${privateVideo.uuid}`).set('Authorization', `Bearer ${aliceToken}`).send({ name: 'Taken over' }).expect(403)
    await instance.api().delete(`/api/v1/videos/${privateVideo.uuid}`).set('Authorization', `Bearer ${aliceToken}`).expect(403)

    const bad = await instance.api().put(`/api/v1/videos/${privateVideo.uuid}`).set('Authorization', `Bearer ${instance.accessToken}`).send({ privacy: 42 }).expect(400)
    expect(bad.body['invalid-params']).to.have.property('privacy')
  })
})
