import { expect } from 'chai'
import sharp from 'sharp'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

const CHANNEL_KEYS = [
  'url', 'name', 'host', 'avatars', 'id', 'hostRedundancyAllowed', 'followingCount', 'followersCount', 'createdAt',
  'banners', 'displayName', 'description', 'support', 'isLocal', 'updatedAt', 'ownerAccount'
]

async function picture (width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().toBuffer()
}

async function download (instance: TestInstance, path: string) {
  const res = await instance.api().get(path).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = []
    r.on('data', (chunk: Buffer) => chunks.push(chunk))
    r.on('end', () => cb(null, Buffer.concat(chunks)))
  }).expect(200)
  return res.body as Buffer
}

describe('Video channels', function () {
  const instance = new TestInstance(1)
  let owner: CreatedUser
  let stranger: CreatedUser
  let moderator: CreatedUser

  before(async function () {
    await instance.flushAndStart()
    owner = await createUser(instance, 'olga')
    stranger = await createUser(instance, 'pavel')
    moderator = await createUser(instance, 'moderator', { role: 1 })
  })

  after(async function () {
    await instance.stop()
  })

  describe('Creating and reading', function () {
    it('creates a channel for the logged-in user', async function () {
      const res = await instance.api().post('/api/v1/video-channels').set(auth(owner.token))
        .send({ name: 'olga_travels', displayName: 'Olga travels', description: 'Trips and trains', support: 'Buy me a ticket' })
        .expect(200)
      expect(res.body.videoChannel.id).to.be.a('number')

      const channel = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      expect(channel.body).to.have.all.keys(...CHANNEL_KEYS)
      expect(channel.body).to.include({
        id: res.body.videoChannel.id,
        name: 'olga_travels',
        displayName: 'Olga travels',
        description: 'Trips and trains',
        support: 'Buy me a ticket',
        isLocal: true,
        host: instance.host,
        url: `${instance.url}/video-channels/olga_travels`
      })
      expect(channel.body.ownerAccount).to.include({ name: 'olga', userId: owner.id })
      expect(channel.body.avatars).to.deep.equal([])
      expect(channel.body.banners).to.deep.equal([])

      const actors = await instance.sql<{ type: string, hasKey: boolean }>(
        'SELECT type, "privateKey" IS NOT NULL AS "hasKey" FROM actor WHERE "preferredUsername" = \'olga_travels\' AND "serverId" IS NULL'
      )
      expect(actors).to.deep.equal([ { type: 'Group', hasKey: true } ])
    })

    it('finds a local channel by name@our-host, never by a foreign host', async function () {
      await instance.api().get(`/api/v1/video-channels/olga_travels@${instance.host}`).expect(200)
      await instance.api().get('/api/v1/video-channels/olga_travels@elsewhere.example').expect(404)
      await instance.api().get('/api/v1/video-channels/nothing_here').expect(404)
    })

    it('lists channels with a total, sort and pagination', async function () {
      const all = await instance.api().get('/api/v1/video-channels?sort=createdAt&count=100').expect(200)
      expect(all.body.total).to.equal(5)
      expect(all.body.data.map((c: { name: string }) => c.name))
        .to.deep.equal([ 'root_channel', 'olga_channel', 'pavel_channel', 'moderator_channel', 'olga_travels' ])

      const page = await instance.api().get('/api/v1/video-channels?sort=-createdAt&start=1&count=2').expect(200)
      expect(page.body.data.map((c: { name: string }) => c.name)).to.deep.equal([ 'moderator_channel', 'pavel_channel' ])
    })

    it('refuses a name any actor of the instance holds (409), and invalid fields (400 naming them)', async function () {
      for (const name of [ 'olga_travels', 'olga', 'peertube' ]) {
        const res = await instance.api().post('/api/v1/video-channels').set(auth(stranger.token)).send({ name, displayName: 'Copy' }).expect(409)
        expect(res.body['invalid-params']).to.have.keys('name')
      }

      const invalid = await instance.api().post('/api/v1/video-channels').set(auth(stranger.token))
        .send({ name: 'has space', displayName: '', description: 'ab' })
        .expect(400)
      expect(invalid.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(invalid.body['invalid-params']).to.have.all.keys('name', 'displayName', 'description')

      await instance.api().post('/api/v1/video-channels').send({ name: 'anonymous', displayName: 'Anon' }).expect(401)
    })

    it('limits a user to 20 channels', async function () {
      // 19 more channels straight in the database: generating 19 key pairs through the API would only slow this down.
      await instance.sql(`
        WITH new_actor AS (
          INSERT INTO actor (type, "preferredUsername", url, "inboxUrl", "followersCount", "followingCount", "createdAt", "updatedAt")
          SELECT 'Group', 'pavel_' || i, $1 || '/video-channels/pavel_' || i, $1 || '/video-channels/pavel_' || i || '/inbox', 0, 0, now(), now()
          FROM generate_series(0, 18) AS i
          RETURNING id, "preferredUsername"
        )
        INSERT INTO "videoChannel" (name, "actorId", "accountId", "createdAt", "updatedAt")
        SELECT "preferredUsername", id, $2, now(), now() FROM new_actor`, [ instance.url, stranger.accountId ])
      expect((await instance.api().get('/api/v1/accounts/pavel/video-channels').expect(200)).body.total).to.equal(20)

      await instance.api().post('/api/v1/video-channels').set(auth(stranger.token)).send({ name: 'pavel_21', displayName: 'One more' }).expect(400)
    })
  })

  describe('Editing', function () {
    it('lets the owner update display name, description and support, and clear them', async function () {
      await instance.api().put('/api/v1/video-channels/olga_travels').set(auth(owner.token))
        .send({ displayName: 'Olga on rails', description: '', support: 'Thanks' })
        .expect(204)

      const res = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      expect(res.body).to.include({ displayName: 'Olga on rails', description: null, support: 'Thanks' })
    })

    it('refuses edits of another user\'s channel, even by a moderator', async function () {
      for (const token of [ stranger.token, moderator.token ]) {
        const res = await instance.api().put('/api/v1/video-channels/olga_travels').set(auth(token)).send({ displayName: 'Hijacked' }).expect(403)
        expect(res.body.code).to.equal('not_allowed')
      }
      await instance.api().put('/api/v1/video-channels/olga_travels').send({ displayName: 'Hijacked' }).expect(401)
      await instance.api().put('/api/v1/video-channels/nothing_here').set(auth(owner.token)).send({ displayName: 'x' }).expect(404)

      const res = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      expect(res.body.displayName).to.equal('Olga on rails')
    })

    it('stores avatar and banner in PeerTube\'s sizes, served under /lazy-static/', async function () {
      const avatar = await instance.api().post('/api/v1/video-channels/olga_travels/avatar/pick').set(auth(owner.token))
        .attach('avatarfile', await picture(400, 400), 'avatar.jpg')
        .expect(200)
      expect(avatar.body.avatars.map((a: { width: number }) => a.width)).to.deep.equal([ 48, 120, 600, 1500 ])

      const banner = await instance.api().post('/api/v1/video-channels/olga_travels/banner/pick').set(auth(owner.token))
        .attach('bannerfile', await picture(2000, 400), 'banner.jpg')
        .expect(200)
      const banners = banner.body.banners as { width: number, height: number, path: string }[]
      expect(banners.map(b => [ b.width, b.height ])).to.deep.equal([ [ 600, 100 ], [ 1920, 317 ] ])
      expect(banners[1].path).to.match(/^\/lazy-static\/banners\//)

      const metadata = await sharp(await download(instance, banners[1].path)).metadata()
      expect([ metadata.width, metadata.height ]).to.deep.equal([ 1920, 317 ])

      const channel = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      expect(channel.body.avatars).to.have.length(4)
      expect(channel.body.banners).to.have.length(2)
      const summary = await instance.api().get('/api/v1/video-channels?sort=-createdAt&count=100').expect(200)
      const listed = summary.body.data.find((c: { name: string }) => c.name === 'olga_travels')
      expect(listed.banners).to.have.length(2)
    })

    it('refuses another user\'s image upload before reading it, and deletes images for the owner only', async function () {
      const [ { n: before } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "actorImage"')

      await instance.api().post('/api/v1/video-channels/olga_travels/avatar/pick').set(auth(stranger.token))
        .attach('avatarfile', await picture(100, 100), 'avatar.jpg')
        .expect(403)
      await instance.api().delete('/api/v1/video-channels/olga_travels/banner').set(auth(stranger.token)).expect(403)
      const [ { n: after } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "actorImage"')
      expect(after).to.equal(before)

      const channel = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      await instance.api().delete('/api/v1/video-channels/olga_travels/banner').set(auth(owner.token)).expect(204)
      const res = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)
      expect(res.body.banners).to.deep.equal([])
      expect(res.body.avatars).to.have.length(4)
      await instance.api().get(channel.body.banners[0].path).expect(404)
    })
  })

  describe('Deleting', function () {
    it('refuses another user, but lets a moderator remove any channel', async function () {
      const refused = await instance.api().delete('/api/v1/video-channels/olga_travels').set(auth(stranger.token)).expect(403)
      expect(refused.body.code).to.equal('not_allowed')

      await instance.api().delete('/api/v1/video-channels/pavel_0').set(auth(moderator.token)).expect(204)
      await instance.api().get('/api/v1/video-channels/pavel_0').expect(404)
    })

    it('deletes the owner\'s channel with its actor and image files', async function () {
      const channel = await instance.api().get('/api/v1/video-channels/olga_travels').expect(200)

      await instance.api().delete('/api/v1/video-channels/olga_travels').set(auth(owner.token)).expect(204)

      await instance.api().get('/api/v1/video-channels/olga_travels').expect(404)
      await instance.api().get(channel.body.avatars[0].path).expect(404)
      expect(await instance.sql('SELECT id FROM actor WHERE "preferredUsername" = \'olga_travels\'')).to.have.length(0)
      // The name is free again.
      await instance.api().post('/api/v1/video-channels').set(auth(stranger.token)).send({ name: 'olga_travels', displayName: 'Mine now' }).expect(200)
    })

    it('never deletes the last channel of a user (409)', async function () {
      const res = await instance.api().delete('/api/v1/video-channels/olga_channel').set(auth(owner.token)).expect(409)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      await instance.api().delete('/api/v1/video-channels/olga_channel').set(auth(moderator.token)).expect(409)
      await instance.api().get('/api/v1/video-channels/olga_channel').expect(200)
    })
  })
})
