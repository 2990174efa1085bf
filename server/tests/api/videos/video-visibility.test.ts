import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { waitForSettledVideo } from './http-and-settled-video.js'

// Privacy values, as PeerTube numbers them.
const PUBLIC = 1
const UNLISTED = 2
const PRIVATE = 3
const INTERNAL = 4

describe('Video visibility through the API: who gets 200, 401, 403 or 404', function () {
  const instance = new TestInstance(2)
  let dir: string
  let clip: string

  const tokens: Record<'alice' | 'bob' | 'moderator', string> = { alice: '', bob: '', moderator: '' }
  const videos: Record<'public' | 'unlisted' | 'private' | 'internal', any> = { public: null, unlisted: null, private: null, internal: null }

  async function createUser (username: string, role: number) {
    await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ username, password: `${username}-password`, email: `${username}@example.com`, role, videoQuota: -1, videoQuotaDaily: -1 })
      .expect(200)
    return instance.login(username, `${username}-password`)
  }

  /** GET /api/v1/videos/<id><suffix>, as anonymous (no name) or as one of the users. */
  function get (id: string | number, as?: keyof typeof tokens, suffix = '') {
    const req = instance.api().get(`/api/v1/videos/${id}${suffix}`)
    return as ? req.set('Authorization', `Bearer ${tokens[as]}`) : req
  }

  function post (id: string | number, suffix: string, as?: keyof typeof tokens) {
    const req = instance.api().post(`/api/v1/videos/${id}${suffix}`)
    return as ? req.set('Authorization', `Bearer ${tokens[as]}`) : req
  }

  before(async function () {
    dir = await makeTempDir('video-visibility')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } } })

    tokens.alice = await createUser('alice', 2)
    tokens.bob = await createUser('bob', 2)
    tokens.moderator = await createUser('moderator', 1)

    const channelId = await firstChannelId(instance, 'alice')
    const uploads = { public: PUBLIC, unlisted: UNLISTED, private: PRIVATE, internal: INTERNAL } as const
    for (const [ key, privacy ] of Object.entries(uploads)) {
      const res = await uploadVideo(instance, clip, { token: tokens.alice, channelId, name: `Alice's ${key} video`, privacy })
      expect(res.status, JSON.stringify(res.body)).to.equal(200)
      videos[key as keyof typeof videos] = await waitForSettledVideo(instance, res.body.video.uuid, [ 240 ])
    }
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  describe('an unlisted video', function () {
    it('is visible to anyone by UUID and short UUID', async function () {
      const { uuid, shortUUID } = videos.unlisted
      for (const id of [ uuid, shortUUID ]) {
        await get(id).expect(200)
        await get(id, 'bob').expect(200)
        await get(id, undefined, '/description').expect(200)
        await post(id, '/views').expect(204)
      }
    })

    it('is not revealed by its numeric id to anonymous users (401) nor to other users (403)', async function () {
      const id = videos.unlisted.id
      expect(id).to.be.a('number')

      const anonymous = await get(id).expect(401)
      expect(anonymous.headers['content-type']).to.match(/problem\+json/)
      expect(anonymous.text).to.not.contain(videos.unlisted.uuid)
      await get(id, undefined, '/description').expect(401)
      await post(id, '/views').expect(401)

      const bob = await get(id, 'bob').expect(403)
      expect(bob.text).to.not.contain(videos.unlisted.uuid)
      await get(id, 'bob', '/description').expect(403)
      await post(id, '/views', 'bob').expect(403)
      await post(id, '/token', 'bob').expect(403)
    })

    it('is shown by its numeric id to its owner and to moderators', async function () {
      const id = videos.unlisted.id
      for (const as of [ 'alice', 'moderator' ] as const) {
        expect((await get(id, as).expect(200)).body.uuid).to.equal(videos.unlisted.uuid)
        await get(id, as, '/description').expect(200)
        await post(id, '/token', as).expect(200)
      }
    })
  })

  describe('a public video', function () {
    it('is visible to anyone by numeric id, UUID and short UUID', async function () {
      for (const id of [ videos.public.id, videos.public.uuid, videos.public.shortUUID ]) {
        await get(id).expect(200)
        await get(id, 'bob').expect(200)
      }
    })
  })

  describe('a private video', function () {
    it('answers 401 to anonymous users and 403 to other users, by any id', async function () {
      for (const id of [ videos.private.id, videos.private.uuid, videos.private.shortUUID ]) {
        await get(id).expect(401)
        await get(id, undefined, '/description').expect(401)
        await post(id, '/views').expect(401)

        const bob = await get(id, 'bob').expect(403)
        expect(bob.headers['content-type']).to.match(/problem\+json/)
        expect(bob.text).to.not.contain('Alice')
        await get(id, 'bob', '/description').expect(403)
        await post(id, '/token', 'bob').expect(403)
      }
    })

    it('is shown to its owner and to moderators', async function () {
      await get(videos.private.uuid, 'alice').expect(200)
      await get(videos.private.id, 'moderator').expect(200)
    })
  })

  describe('an internal video', function () {
    it('needs a logged-in user: 401 when anonymous, 200 for any user', async function () {
      await get(videos.internal.uuid).expect(401)
      await get(videos.internal.id).expect(401)
      await get(videos.internal.uuid, 'bob').expect(200)
      await get(videos.internal.id, 'bob').expect(200)
    })
  })

  describe('videos that do not exist, or are not published yet', function () {
    it('answers 404 for an unknown id or UUID', async function () {
      await get(999999).expect(404)
      await get('5f0b1fe4-31b7-4c33-a4de-0fbc6f28d8e5').expect(404)
      await get('5f0b1fe4-31b7-4c33-a4de-0fbc6f28d8e5', 'bob').expect(404)
    })

    it('answers 404 to others for a video still being processed, whatever its privacy', async function () {
      await instance.sql('UPDATE video SET state = 2 WHERE uuid = ANY($1)', [ [ videos.public.uuid, videos.private.uuid ] ])
      try {
        for (const video of [ videos.public, videos.private ]) {
          await get(video.uuid).expect(404)
          await get(video.uuid, 'bob').expect(404)
          await get(video.uuid, 'alice').expect(200)
        }
      } finally {
        await instance.sql('UPDATE video SET state = 1 WHERE uuid = ANY($1)', [ [ videos.public.uuid, videos.private.uuid ] ])
      }
    })
  })

  describe('file metadata (metadataUrl)', function () {
    it('serves the ffprobe description of a web video file and of an HLS file', async function () {
      const hlsFile = videos.public.streamingPlaylists[0].files[0]
      for (const file of [ videos.public.files[0], hlsFile ]) {
        expect(file.metadataUrl).to.equal(`${instance.url}/api/v1/videos/${videos.public.uuid}/metadata/${file.id}`)

        const res = await instance.api().get(new URL(file.metadataUrl).pathname).expect(200)
        expect(res.headers['content-type']).to.match(/application\/json/)
        const video = res.body.streams.find((s: { codec_type: string }) => s.codec_type === 'video')
        expect(video).to.include({ codec_name: 'h264', height: 240 })
        expect(parseFloat(res.body.format.duration)).to.be.closeTo(1, 0.3)
        expect(res.body.chapters).to.be.an('array')
        // The path on disk is ours.
        expect(res.body.format).to.not.have.property('filename')
        expect(res.text).to.not.match(/storage|\/work\//)
      }
    })

    it('answers 404 for a file that is not one of this video\'s, and 400 for a malformed file id', async function () {
      await get(videos.public.uuid, undefined, `/metadata/${videos.unlisted.files[0].id}`).expect(404)
      await get(videos.public.uuid, undefined, '/metadata/999999').expect(404)
      await get('5f0b1fe4-31b7-4c33-a4de-0fbc6f28d8e5', undefined, `/metadata/${videos.public.files[0].id}`).expect(404)
      await get(videos.public.uuid, undefined, '/metadata/abc').expect(400)
    })

    it('follows the video\'s visibility rules', async function () {
      const privatePath = `/metadata/${videos.private.files[0].id}`
      await get(videos.private.uuid, undefined, privatePath).expect(401)
      await get(videos.private.uuid, 'bob', privatePath).expect(403)
      expect((await get(videos.private.uuid, 'alice', privatePath).expect(200)).body.streams).to.be.an('array')

      const unlistedPath = `/metadata/${videos.unlisted.files[0].id}`
      await get(videos.unlisted.uuid, undefined, unlistedPath).expect(200)
      await get(videos.unlisted.id, undefined, unlistedPath).expect(401)
    })
  })
})
