import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser, tokenRequest, type CreatedUser } from '../shared/users.js'

describe('User management by administrators and moderators', function () {
  const instance = new TestInstance(1)
  let root: string
  let moderator: CreatedUser

  before(async function () {
    await instance.flushAndStart()
    root = instance.accessToken
    moderator = await createUser(instance, 'moderator', { role: 1 })
  })

  after(async function () {
    await instance.stop()
  })

  describe('Creating users', function () {
    it('creates a user with an account and a default channel', async function () {
      const res = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'alice', password: 'password1', email: 'alice@example.com', role: 2, videoQuota: 5000, videoQuotaDaily: 1000 })
        .expect(200)
      expect(res.body.user.id).to.be.a('number')
      expect(res.body.user.account.id).to.be.a('number')

      const user = await instance.api().get(`/api/v1/users/${res.body.user.id}`).set(auth(root)).expect(200)
      expect(user.body).to.include({ username: 'alice', email: 'alice@example.com', videoQuota: 5000, videoQuotaDaily: 1000, blocked: false })
      expect(user.body.role).to.deep.equal({ id: 2, label: 'User' })
      expect(user.body).to.include({ videoQuotaUsed: 0, videoQuotaUsedDaily: 0 })
      expect(user.body.account).to.include({ name: 'alice', displayName: 'alice', host: instance.host, userId: res.body.user.id })
      expect(user.body.videoChannels.map((c: { name: string }) => c.name)).to.deep.equal([ 'alice_channel' ])
      expect(user.body.videoChannels[0].displayName).to.equal('Main alice channel')
    })

    it('gives the instance default quotas when none are set', async function () {
      const created = await createUser(instance, 'defaultquota')
      const res = await instance.api().get(`/api/v1/users/${created.id}`).set(auth(root)).expect(200)
      expect(res.body).to.include({ videoQuota: -1, videoQuotaDaily: -1 })
    })

    it('names each invalid field in a problem+json 400', async function () {
      const res = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'Not Valid!', password: '123', email: 'not-an-email', role: 7, videoQuota: -5 })
        .expect(400)

      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params']).to.have.all.keys('username', 'password', 'email', 'role', 'videoQuota')
      expect(res.body['invalid-params'].username).to.include({ path: 'username', location: 'body', value: 'Not Valid!' })
      expect(res.body['invalid-params'].username.msg).to.match(/username/)
      // Passwords are never echoed back, even wrong ones.
      expect(res.body['invalid-params'].password).to.not.have.property('value')
    })

    it('refuses a username longer than 50 characters or with capitals, as PeerTube does', async function () {
      for (const username of [ 'a'.repeat(51), 'Alice', 'al-ice' ]) {
        const res = await instance.api().post('/api/v1/users').set(auth(root))
          .send({ username, password: 'password1', email: 'x@example.com', role: 2 })
          .expect(400)
        expect(res.body['invalid-params']).to.have.all.keys('username')
      }
    })

    it('refuses a username or an email already taken: 409 naming the field', async function () {
      const sameName = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'alice', password: 'password1', email: 'other@example.com', role: 2 })
        .expect(409)
      expect(sameName.body['invalid-params']).to.have.keys('username')

      const sameEmail = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'alice2', password: 'password1', email: 'ALICE@example.com', role: 2 })
        .expect(409)
      expect(sameEmail.body['invalid-params']).to.have.keys('email')
    })

    it('refuses a name held by another actor of the instance: accounts and channels share one namespace', async function () {
      // alice's default channel is alice_channel; the instance actor is "peertube".
      for (const username of [ 'alice_channel', 'peertube' ]) {
        const res = await instance.api().post('/api/v1/users').set(auth(root))
          .send({ username, password: 'password1', email: `${username}@example.com`, role: 2 })
          .expect(409)
        expect(res.body['invalid-params']).to.have.keys('username')
      }

      const channelTaken = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'bob', password: 'password1', email: 'bob@example.com', role: 2, channelName: 'alice' })
        .expect(409)
      expect(channelTaken.body['invalid-params']).to.have.keys('channelName')

      const sameAsUsername = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'bob', password: 'password1', email: 'bob@example.com', role: 2, channelName: 'bob' })
        .expect(400)
      expect(sameAsUsername.body['invalid-params']).to.have.keys('channelName')

      expect(await instance.sql('SELECT id FROM "user" WHERE username = \'bob\'')).to.have.length(0)
    })

    it('uses the requested channel name, or the first free variant of <username>_channel', async function () {
      await instance.api().post('/api/v1/video-channels').set(auth(root)).send({ name: 'carol_channel', displayName: 'Squatted' }).expect(200)

      const carol = await createUser(instance, 'carol')
      const named = await instance.api().post('/api/v1/users').set(auth(root))
        .send({ username: 'dave', password: 'password1', email: 'dave@example.com', role: 2, channelName: 'daves_videos' })
        .expect(200)

      const carolChannels = await instance.api().get('/api/v1/accounts/carol/video-channels').expect(200)
      expect(carolChannels.body.data.map((c: { name: string }) => c.name)).to.deep.equal([ 'carol_channel-1' ])
      const daveChannels = await instance.api().get(`/api/v1/users/${named.body.user.id}`).set(auth(root)).expect(200)
      expect(daveChannels.body.videoChannels.map((c: { name: string }) => c.name)).to.deep.equal([ 'daves_videos' ])
      expect(carol.id).to.be.a('number')
    })
  })

  describe('Listing and reading users', function () {
    it('lists users with total, pagination, sort and search', async function () {
      const all = await instance.api().get('/api/v1/users?count=100&sort=username').set(auth(root)).expect(200)
      const names = all.body.data.map((u: { username: string }) => u.username)
      expect(all.body.total).to.equal(names.length)
      expect(names).to.deep.equal([ ...names ].sort())
      expect(all.body.data[0]).to.include.keys('videoQuotaUsed', 'videoQuotaUsedDaily', 'account', 'role')

      const page = await instance.api().get('/api/v1/users?start=1&count=2&sort=-username').set(auth(root)).expect(200)
      expect(page.body.total).to.equal(all.body.total)
      expect(page.body.data.map((u: { username: string }) => u.username)).to.deep.equal([ ...names ].reverse().slice(1, 3))

      const search = await instance.api().get('/api/v1/users?search=ALI').set(auth(root)).expect(200)
      expect(search.body.data.map((u: { username: string }) => u.username)).to.deep.equal([ 'alice' ])

      const byEmail = await instance.api().get('/api/v1/users?search=dave@exa').set(auth(root)).expect(200)
      expect(byEmail.body.total).to.equal(1)
    })

    it('refuses an unknown sort column and an invalid id, naming them', async function () {
      const badSort = await instance.api().get('/api/v1/users?sort=password').set(auth(root)).expect(400)
      expect(badSort.body['invalid-params']).to.have.keys('sort')

      const badId = await instance.api().get('/api/v1/users/abc').set(auth(root)).expect(400)
      expect(badId.body['invalid-params']).to.have.keys('id')

      await instance.api().get('/api/v1/users/99999').set(auth(root)).expect(404)
    })
  })

  describe('Updating, blocking and deleting', function () {
    it('updates quotas, email and role; a new role or password ends the user\'s sessions', async function () {
      const erin = await createUser(instance, 'erin')

      await instance.api().put(`/api/v1/users/${erin.id}`).set(auth(root))
        .send({ videoQuota: 42, videoQuotaDaily: 7, email: 'erin2@example.com' })
        .expect(204)
      await instance.api().get('/api/v1/users/me').set(auth(erin.token)).expect(200)

      await instance.api().put(`/api/v1/users/${erin.id}`).set(auth(root)).send({ role: 1 }).expect(204)
      await instance.api().get('/api/v1/users/me').set(auth(erin.token)).expect(401)

      const res = await instance.api().get(`/api/v1/users/${erin.id}`).set(auth(root)).expect(200)
      expect(res.body).to.include({ videoQuota: 42, videoQuotaDaily: 7, email: 'erin2@example.com' })
      expect(res.body.role.id).to.equal(1)

      await instance.api().put(`/api/v1/users/${erin.id}`).set(auth(root)).send({ password: 'new-password' }).expect(204)
      await tokenRequest(instance, { grant_type: 'password', username: 'erin', password: 'password1' }, 400)
      await instance.login('erin', 'new-password')
    })

    it('blocks a user with a reason: logged out, cannot log in; unblocking lets them back', async function () {
      const frank = await createUser(instance, 'frank')

      const badReason = await instance.api().post(`/api/v1/users/${frank.id}/block`).set(auth(root)).send({ reason: 'x' }).expect(400)
      expect(badReason.body['invalid-params']).to.have.keys('reason')

      await instance.api().post(`/api/v1/users/${frank.id}/block`).set(auth(root)).send({ reason: 'Spamming comments' }).expect(204)

      const blocked = await instance.api().get(`/api/v1/users/${frank.id}`).set(auth(root)).expect(200)
      expect(blocked.body).to.include({ blocked: true, blockedReason: 'Spamming comments' })
      await instance.api().get('/api/v1/users/me').set(auth(frank.token)).expect(401)
      const login = await tokenRequest(instance, { grant_type: 'password', username: 'frank', password: 'password1' }, 400)
      expect(login.body.code).to.equal('user_blocked')

      const list = await instance.api().get('/api/v1/users?blocked=true').set(auth(root)).expect(200)
      expect(list.body.data.map((u: { username: string }) => u.username)).to.deep.equal([ 'frank' ])

      await instance.api().post(`/api/v1/users/${frank.id}/unblock`).set(auth(root)).expect(204)
      const unblocked = await instance.api().get(`/api/v1/users/${frank.id}`).set(auth(root)).expect(200)
      expect(unblocked.body).to.include({ blocked: false, blockedReason: null })
      await instance.login('frank', 'password1')
    })

    it('never deletes, blocks or demotes root', async function () {
      const [ { id } ] = await instance.sql<{ id: number }>('SELECT id FROM "user" WHERE username = \'root\'')
      await instance.api().delete(`/api/v1/users/${id}`).set(auth(root)).expect(400)
      await instance.api().post(`/api/v1/users/${id}/block`).set(auth(root)).send({}).expect(400)
      await instance.api().put(`/api/v1/users/${id}`).set(auth(root)).send({ role: 2 }).expect(400)
    })

    it('deletes a user with their account, channels, actors and tokens', async function () {
      const gina = await createUser(instance, 'gina')
      await instance.api().post('/api/v1/video-channels').set(auth(gina.token)).send({ name: 'gina_second', displayName: 'Second' }).expect(200)

      await instance.api().delete(`/api/v1/users/${gina.id}`).set(auth(root)).expect(204)

      await instance.api().get('/api/v1/users/me').set(auth(gina.token)).expect(401)
      await instance.api().get('/api/v1/accounts/gina').expect(404)
      await instance.api().get('/api/v1/video-channels/gina_second').expect(404)
      const leftovers = await instance.sql<{ n: number }>(`
        SELECT (SELECT count(*) FROM "user" WHERE id = $1)
          + (SELECT count(*) FROM account WHERE "userId" = $1 OR id = $2)
          + (SELECT count(*) FROM "videoChannel" WHERE "accountId" = $2)
          + (SELECT count(*) FROM actor WHERE "preferredUsername" IN ('gina', 'gina_channel', 'gina_second'))
          + (SELECT count(*) FROM "oAuthToken" WHERE "userId" = $1) AS n`, [ gina.id, gina.accountId ])
      expect(Number(leftovers[0].n)).to.equal(0)

      // Its names are free again.
      await createUser(instance, 'gina')
    })
  })

  describe('What a moderator may do', function () {
    let admin: CreatedUser
    let otherModerator: CreatedUser
    let plain: CreatedUser

    before(async function () {
      admin = await createUser(instance, 'admin2', { role: 0 })
      otherModerator = await createUser(instance, 'moderator2', { role: 1 })
      plain = await createUser(instance, 'plain', { role: 2 })
    })

    it('creates plain users, never moderators or administrators', async function () {
      await createUser(instance, 'made_by_moderator', { asToken: moderator.token })

      for (const role of [ 0, 1 ]) {
        const res = await instance.api().post('/api/v1/users').set(auth(moderator.token))
          .send({ username: `promoted${role}`, password: 'password1', email: `promoted${role}@example.com`, role })
          .expect(403)
        expect(res.body.code).to.equal('not_allowed')
      }
    })

    it('manages plain users but cannot promote them', async function () {
      await instance.api().put(`/api/v1/users/${plain.id}`).set(auth(moderator.token)).send({ videoQuota: 1000 }).expect(204)
      await instance.api().put(`/api/v1/users/${plain.id}`).set(auth(moderator.token)).send({ role: 1 }).expect(403)
      await instance.api().put(`/api/v1/users/${plain.id}`).set(auth(moderator.token)).send({ role: 0 }).expect(403)
      await instance.api().post(`/api/v1/users/${plain.id}/block`).set(auth(moderator.token)).send({ reason: 'Testing blocks' }).expect(204)
      await instance.api().post(`/api/v1/users/${plain.id}/unblock`).set(auth(moderator.token)).expect(204)
    })

    it('cannot delete, block or edit an administrator or another moderator', async function () {
      for (const target of [ admin, otherModerator ]) {
        const deletion = await instance.api().delete(`/api/v1/users/${target.id}`).set(auth(moderator.token)).expect(403)
        expect(deletion.body.code).to.equal('not_allowed')
        await instance.api().post(`/api/v1/users/${target.id}/block`).set(auth(moderator.token)).send({}).expect(403)
        await instance.api().put(`/api/v1/users/${target.id}`).set(auth(moderator.token)).send({ videoQuota: 1 }).expect(403)
        await instance.api().put(`/api/v1/users/${target.id}`).set(auth(moderator.token)).send({ role: 2 }).expect(403)
      }
      const still = await instance.api().get(`/api/v1/users/${admin.id}`).set(auth(root)).expect(200)
      expect(still.body).to.include({ blocked: false, videoQuota: -1 })
      expect(still.body.role.id).to.equal(0)
    })

    it('lets an administrator manage moderators and other administrators', async function () {
      await instance.api().put(`/api/v1/users/${otherModerator.id}`).set(auth(admin.token)).send({ role: 2 }).expect(204)
      await instance.api().put(`/api/v1/users/${plain.id}`).set(auth(admin.token)).send({ role: 1 }).expect(204)
    })

    it('keeps plain users out of user management', async function () {
      const gary = await createUser(instance, 'gary')
      const res = await instance.api().post('/api/v1/users').set(auth(gary.token))
        .send({ username: 'sneaky', password: 'password1', email: 'sneaky@example.com', role: 0 })
        .expect(403)
      expect(res.body.code).to.equal('not_allowed')
      await instance.api().delete(`/api/v1/users/${admin.id}`).set(auth(gary.token)).expect(403)
    })
  })

  describe('Registration when signup is closed', function () {
    it('refuses direct registrations and registration requests', async function () {
      const body = { username: 'newcomer', password: 'password1', email: 'newcomer@example.com' }
      await instance.api().post('/api/v1/users/register').send(body).expect(403)
      await instance.api().post('/api/v1/users/registrations/request').send({ ...body, registrationReason: 'I like videos' }).expect(403)
      expect(await instance.sql('SELECT id FROM "user" WHERE username = \'newcomer\'')).to.have.length(0)
    })
  })
})
