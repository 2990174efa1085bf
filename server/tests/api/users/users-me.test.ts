import { expect } from 'chai'
import sharp from 'sharp'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser, tokenRequest, type CreatedUser } from '../shared/users.js'

// Keys of PeerTube 6.3's GET /api/v1/users/me answer (and of its account and channels), as clients read them.
const ME_KEYS = [
  'id', 'username', 'email', 'theme', 'pendingEmail', 'emailPublic', 'emailVerified', 'nsfwPolicy', 'p2pEnabled',
  'videosHistoryEnabled', 'autoPlayVideo', 'autoPlayNextVideo', 'autoPlayNextVideoPlaylist', 'videoLanguages', 'role',
  'videoQuota', 'videoQuotaDaily', 'noInstanceConfigWarningModal', 'noWelcomeModal', 'noAccountSetupWarningModal',
  'blocked', 'blockedReason', 'account', 'notificationSettings', 'videoChannels', 'createdAt', 'pluginAuth',
  'lastLoginDate', 'twoFactorEnabled', 'adminFlags', 'specialPlaylists'
]
const ACCOUNT_KEYS = [
  'url', 'name', 'host', 'avatars', 'id', 'hostRedundancyAllowed', 'followingCount', 'followersCount', 'createdAt',
  'displayName', 'description', 'updatedAt', 'userId'
]
const CHANNEL_KEYS = [
  'url', 'name', 'host', 'avatars', 'id', 'hostRedundancyAllowed', 'followingCount', 'followersCount', 'createdAt',
  'banners', 'displayName', 'description', 'support', 'isLocal', 'updatedAt'
]

async function image (width: number, height: number, format: 'png' | 'jpeg' = 'jpeg') {
  const picture = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
  return format === 'png' ? picture.png().toBuffer() : picture.jpeg().toBuffer()
}

describe('The logged-in user (/users/me)', function () {
  const instance = new TestInstance(1)
  let hana: CreatedUser

  before(async function () {
    await instance.flushAndStart()
    hana = await createUser(instance, 'hana', { videoQuota: 10_000, videoQuotaDaily: 5_000 })
  })

  after(async function () {
    await instance.stop()
  })

  describe('Profile and settings', function () {
    it('describes the user in PeerTube\'s users/me shape', async function () {
      const res = await instance.api().get('/api/v1/users/me').set(auth(hana.token)).expect(200)

      expect(res.body).to.have.all.keys(...ME_KEYS)
      expect(res.body.account).to.have.all.keys(...ACCOUNT_KEYS)
      expect(res.body.videoChannels).to.have.length(1)
      expect(res.body.videoChannels[0]).to.have.all.keys(...CHANNEL_KEYS)
      expect(res.body).to.include({ id: hana.id, username: 'hana', email: 'hana@example.com', videoQuota: 10_000, videoQuotaDaily: 5_000 })
      expect(res.body.role).to.deep.equal({ id: 2, label: 'User' })
      expect(res.body.account).to.include({ name: 'hana', url: `${instance.url}/accounts/hana`, host: instance.host, userId: hana.id })
      expect(res.body.videoChannels[0]).to.include({ name: 'hana_channel', isLocal: true, url: `${instance.url}/video-channels/hana_channel` })
      expect(res.body.lastLoginDate).to.be.a('string')
    })

    it('updates display name, description, NSFW policy and player settings', async function () {
      await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ displayName: 'Hana H.', description: 'I film trains', nsfwPolicy: 'do_not_list', p2pEnabled: false, autoPlayVideo: false, theme: 'dark' })
        .expect(204)

      const res = await instance.api().get('/api/v1/users/me').set(auth(hana.token)).expect(200)
      expect(res.body).to.include({ nsfwPolicy: 'do_not_list', p2pEnabled: false, autoPlayVideo: false, theme: 'dark' })
      expect(res.body.account).to.include({ displayName: 'Hana H.', description: 'I film trains' })

      const account = await instance.api().get('/api/v1/accounts/hana').expect(200)
      expect(account.body.displayName).to.equal('Hana H.')
    })

    it('refuses invalid settings, naming the field', async function () {
      const res = await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ nsfwPolicy: 'sometimes', displayName: '', p2pEnabled: 'maybe' })
        .expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params']).to.have.all.keys('nsfwPolicy', 'displayName', 'p2pEnabled')
    })

    it('changes the password only with the current one', async function () {
      const missing = await instance.api().put('/api/v1/users/me').set(auth(hana.token)).send({ password: 'brand-new-1' }).expect(400)
      expect(missing.body['invalid-params']).to.have.keys('currentPassword')

      await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ password: 'brand-new-1', currentPassword: 'wrong-password' })
        .expect(401)
      await tokenRequest(instance, { grant_type: 'password', username: 'hana', password: 'password1' }, 200)

      await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ password: 'brand-new-1', currentPassword: 'password1' })
        .expect(204)
      await tokenRequest(instance, { grant_type: 'password', username: 'hana', password: 'password1' }, 400)
      hana.token = await instance.login('hana', 'brand-new-1')
      hana.password = 'brand-new-1'
    })

    it('changes the email with the current password, and refuses one already taken', async function () {
      await createUser(instance, 'ivan')

      await instance.api().put('/api/v1/users/me').set(auth(hana.token)).send({ email: 'hana@new.example' }).expect(400)
      const taken = await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ email: 'ivan@example.com', currentPassword: hana.password })
        .expect(409)
      expect(taken.body['invalid-params']).to.have.keys('email')

      await instance.api().put('/api/v1/users/me').set(auth(hana.token))
        .send({ email: 'Hana@New.example', currentPassword: hana.password })
        .expect(204)
      const res = await instance.api().get('/api/v1/users/me').set(auth(hana.token)).expect(200)
      expect(res.body.email).to.equal('hana@new.example')
      await instance.login('hana@new.example', hana.password)
    })
  })

  describe('Video quota', function () {
    let channelId: number

    before(async function () {
      const me = await instance.api().get('/api/v1/users/me').set(auth(hana.token)).expect(200)
      channelId = me.body.videoChannels[0].id

      // Two videos, as the upload pipeline stores them: a web video file per resolution and HLS renditions.
      const insertVideo = async (name: string, createdAt: string) => {
        const [ { id } ] = await instance.sql<{ id: number }>(`
          INSERT INTO video (uuid, name, privacy, nsfw, duration, remote, "isLive", url, "commentsEnabled", "downloadEnabled",
            "waitTranscoding", state, "channelId", "publishedAt", views, likes, dislikes, "createdAt", "updatedAt")
          VALUES (gen_random_uuid(), $1, 1, false, 10, false, false, $2, true, true, false, 1, $3, now(), 0, 0, 0, $4, $4)
          RETURNING id`, [ name, `${instance.url}/videos/watch/${name}`, channelId, createdAt ])
        return id
      }
      const insertFile = async (owner: { videoId?: number, playlistId?: number }, resolution: number, size: number, createdAt: string) => {
        await instance.sql(`
          INSERT INTO "videoFile" (resolution, size, extname, fps, filename, "videoId", "videoStreamingPlaylistId", "hasAudio", "hasVideo",
            storage, "createdAt", "updatedAt")
          VALUES ($1, $2, '.mp4', 30, gen_random_uuid() || '.mp4', $3, $4, true, true, 0, $5, $5)`,
        [ resolution, size, owner.videoId ?? null, owner.playlistId ?? null, createdAt ])
      }

      const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000).toISOString()
      const now = new Date().toISOString()

      const recent = await insertVideo('recent', now)
      await insertFile({ videoId: recent }, 720, 1200, now)
      await insertFile({ videoId: recent }, 360, 400, now)
      const [ { id: playlistId } ] = await instance.sql<{ id: number }>(`
        INSERT INTO "videoStreamingPlaylist" (type, "playlistFilename", "segmentsSha256Filename", "p2pMediaLoaderInfohashes",
          "p2pMediaLoaderPeerVersion", storage, "videoId", "createdAt", "updatedAt")
        VALUES (1, 'master.m3u8', 'segments-sha256.json', '{}', 2, 0, $1, now(), now()) RETURNING id`, [ recent ])
      await insertFile({ playlistId }, 720, 1500, now)

      const old = await insertVideo('old', twoDaysAgo)
      await insertFile({ videoId: old }, 480, 3000, twoDaysAgo)
    })

    it('counts the largest file of each video, in total and over the last 24 hours', async function () {
      const res = await instance.api().get('/api/v1/users/me/video-quota-used').set(auth(hana.token)).expect(200)
      expect(res.body).to.deep.equal({ videoQuotaUsed: 1500 + 3000, videoQuotaUsedDaily: 1500 })

      const asAdmin = await instance.api().get(`/api/v1/users/${hana.id}`).set(auth(instance.accessToken)).expect(200)
      expect(asAdmin.body).to.include({ videoQuotaUsed: 4500, videoQuotaUsedDaily: 1500 })

      const ivan = await instance.login('ivan', 'password1')
      const other = await instance.api().get('/api/v1/users/me/video-quota-used').set(auth(ivan)).expect(200)
      expect(other.body).to.deep.equal({ videoQuotaUsed: 0, videoQuotaUsedDaily: 0 })
    })

    it('refuses an upload beyond the total or the daily quota before any byte is sent (413 quota_reached)', async function () {
      const init = (size: number) => instance.api().post('/api/v1/videos/upload-resumable').set(auth(hana.token))
        .set('X-Upload-Content-Length', String(size))
        .set('X-Upload-Content-Type', 'video/mp4')
        .send({ name: 'Too big', channelId, filename: 'big.mp4' })

      // Total: 4500 of 10000 used. Daily: 1500 of 5000 used.
      const overTotal = await init(6000).expect(413)
      expect(overTotal.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(overTotal.body.code).to.equal('quota_reached')

      const overDaily = await init(3600).expect(413)
      expect(overDaily.body.code).to.equal('quota_reached')

      await init(3500).expect(201)
    })
  })

  describe('Avatar', function () {
    it('stores an uploaded avatar in every PeerTube size, served under /lazy-static/avatars/', async function () {
      const res = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token))
        .attach('avatarfile', await image(800, 500), 'me.jpg')
        .expect(200)

      const avatars = res.body.avatars as { width: number, height: number, path: string, fileUrl: string }[]
      expect(avatars.map(a => a.width)).to.deep.equal([ 48, 120, 600, 1500 ])
      for (const avatar of avatars) {
        expect(avatar).to.include.keys('width', 'height', 'path', 'fileUrl', 'createdAt', 'updatedAt')
        expect(avatar.path).to.match(/^\/lazy-static\/avatars\/[0-9a-f-]+\.jpg$/)
        expect(avatar.fileUrl).to.equal(instance.url + avatar.path)

        const file = await instance.api().get(avatar.path).buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = []
          r.on('data', (chunk: Buffer) => chunks.push(chunk))
          r.on('end', () => cb(null, Buffer.concat(chunks)))
        }).expect(200)
        expect(file.headers['content-type']).to.equal('image/jpeg')
        const metadata = await sharp(file.body as Buffer).metadata()
        expect({ width: metadata.width, height: metadata.height }).to.deep.equal({ width: avatar.width, height: avatar.width })
      }

      const me = await instance.api().get('/api/v1/users/me').set(auth(hana.token)).expect(200)
      expect(me.body.account.avatars.map((a: { path: string }) => a.path)).to.deep.equal(avatars.map(a => a.path))
      const account = await instance.api().get('/api/v1/accounts/hana').expect(200)
      expect(account.body.avatars).to.have.length(4)
    })

    it('replaces the previous avatar, removing its files, and deletes it on demand', async function () {
      const before = await instance.api().get('/api/v1/accounts/hana').expect(200)
      const oldPath = before.body.avatars[0].path as string

      const res = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token))
        .attach('avatarfile', await image(64, 64, 'png'), 'me.png')
        .expect(200)
      expect(res.body.avatars).to.have.length(4)
      await instance.api().get(oldPath).expect(404)

      await instance.api().delete('/api/v1/users/me/avatar').set(auth(hana.token)).expect(204)
      const after = await instance.api().get('/api/v1/accounts/hana').expect(200)
      expect(after.body.avatars).to.deep.equal([])
      await instance.api().get(res.body.avatars[0].path).expect(404)
    })

    it('refuses what is not an acceptable image: wrong content, too large, missing', async function () {
      const notImage = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token))
        .attach('avatarfile', Buffer.from('definitely not a picture'), 'fake.png')
        .expect(400)
      expect(notImage.body['invalid-params']).to.have.keys('avatarfile')

      const wrongType = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token))
        .attach('avatarfile', Buffer.from('plain text'), { filename: 'notes.txt', contentType: 'text/plain' })
        .expect(400)
      expect(wrongType.body['invalid-params']).to.have.keys('avatarfile')

      const tooLarge = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token))
        .attach('avatarfile', Buffer.alloc(4 * 1024 * 1024 + 10, 1), 'huge.jpg')
        .expect(413)
      expect(tooLarge.headers['x-file-maximum-size']).to.be.a('string')

      const missing = await instance.api().post('/api/v1/users/me/avatar/pick').set(auth(hana.token)).send({}).expect(400)
      expect(missing.body['invalid-params']).to.have.keys('avatarfile')

      await instance.api().post('/api/v1/users/me/avatar/pick').attach('avatarfile', await image(50, 50), 'a.jpg').expect(401)
    })
  })
  describe('Deleting my account (DELETE /users/me, as PeerTube\'s server has it)', function () {
    it('removes the user with their account, channels and sessions; the name is free again', async function () {
      const leaving = await createUser(instance, 'leaving')
      const channel = await instance.api().post('/api/v1/video-channels').set(auth(leaving.token))
        .send({ name: 'leaving_extra', displayName: 'A second channel' }).expect(200)
      expect(channel.body.videoChannel.id).to.be.a('number')

      await instance.api().delete('/api/v1/users/me').set(auth(leaving.token)).expect(204)

      await instance.api().get('/api/v1/users/me').set(auth(leaving.token)).expect(401)
      await instance.api().get('/api/v1/accounts/leaving').expect(404)
      await instance.api().get('/api/v1/video-channels/leaving_extra').expect(404)
      const rows = await instance.sql<{ count: string }>('SELECT count(*) FROM "user" WHERE username = $1', [ 'leaving' ])
      expect(Number(rows[0].count)).to.equal(0)
      // The same name can sign up again.
      await createUser(instance, 'leaving')
    })

    it('refuses to delete the root user, and needs a session', async function () {
      const res = await instance.api().delete('/api/v1/users/me').set(auth(instance.accessToken)).expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      await instance.api().get('/api/v1/users/me').set(auth(instance.accessToken)).expect(200)
      await instance.api().delete('/api/v1/users/me').expect(401)
    })
  })
})
