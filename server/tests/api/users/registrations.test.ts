import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser, tokenRequest, type CreatedUser } from '../shared/users.js'

const REGISTRATION_KEYS = [
  'id', 'state', 'registrationReason', 'moderationResponse', 'username', 'email', 'emailVerified', 'accountDisplayName',
  'channelHandle', 'channelDisplayName', 'createdAt', 'updatedAt', 'user'
]

function request (username: string, extra: Record<string, unknown> = {}) {
  return {
    username,
    password: `${username}-password`,
    email: `${username}@example.com`,
    registrationReason: 'I want to share my videos',
    ...extra
  }
}

describe('Sign-up: registration requests and direct registration', function () {
  const instance = new TestInstance(1)
  let moderator: CreatedUser

  async function registrations () {
    const res = await instance.api().get('/api/v1/users/registrations?sort=createdAt').set(auth(moderator.token)).expect(200)
    return res.body as { total: number, data: { id: number, username: string, state: { id: number, label: string }, user: { id: number } | null, moderationResponse: string | null }[] }
  }

  before(async function () {
    await instance.flushAndStart({ config: { signup: { enabled: true, requires_approval: true, limit: 10 } } })
    moderator = await createUser(instance, 'moderator', { role: 1 })
  })

  after(async function () {
    await instance.stop()
  })

  describe('When a moderator must approve', function () {
    it('refuses a direct registration (403)', async function () {
      await instance.api().post('/api/v1/users/register').send(request('direct')).expect(403)
    })

    it('records a request, without the password, for moderators to see', async function () {
      const res = await instance.api().post('/api/v1/users/registrations/request')
        .send(request('julia', { displayName: 'Julia J.', channel: { name: 'julia_films', displayName: 'Julia films' } }))
        .expect(200)

      expect(res.body).to.have.all.keys(...REGISTRATION_KEYS)
      expect(res.body).to.include({
        username: 'julia',
        email: 'julia@example.com',
        accountDisplayName: 'Julia J.',
        channelHandle: 'julia_films',
        channelDisplayName: 'Julia films',
        moderationResponse: null,
        user: null
      })
      expect(res.body.state).to.deep.equal({ id: 1, label: 'Pending' })
      expect(JSON.stringify(res.body)).to.not.include('julia-password')

      const [ row ] = await instance.sql<{ password: string }>('SELECT password FROM "userRegistration" WHERE username = \'julia\'')
      expect(row.password).to.match(/^\$2[aby]\$/)

      const plain = await createUser(instance, 'plain')
      await instance.api().get('/api/v1/users/registrations').set(auth(plain.token)).expect(403)
      await instance.api().get('/api/v1/users/registrations').expect(401)

      const list = await registrations()
      expect(list.total).to.equal(1)
      expect(list.data[0].username).to.equal('julia')

      const search = await instance.api().get('/api/v1/users/registrations?search=nobody').set(auth(moderator.token)).expect(200)
      expect(search.body.total).to.equal(0)
    })

    it('refuses a username, email or channel name already held by a user or a request (409)', async function () {
      const cases = [
        request('julia', { email: 'other@example.com' }),
        request('julia2', { email: 'julia@example.com' }),
        request('julia3', { channel: { name: 'julia_films', displayName: 'Copy' } }),
        request('plain'),
        request('julia4', { channel: { name: 'moderator', displayName: 'Impostor' } })
      ]
      for (const body of cases) {
        await instance.api().post('/api/v1/users/registrations/request').send(body).expect(409)
      }
      expect((await registrations()).total).to.equal(1)
    })

    it('refuses an invalid request, naming the fields', async function () {
      const res = await instance.api().post('/api/v1/users/registrations/request')
        .send({ username: 'Bad Name', password: 'password1', email: 'bad@example.com' })
        .expect(400)
      expect(res.body['invalid-params']).to.have.all.keys('username', 'registrationReason')
    })

    it('creates the user on acceptance, with the password, names and channel of the request', async function () {
      const [ julia ] = (await registrations()).data

      const noResponse = await instance.api().post(`/api/v1/users/registrations/${julia.id}/accept`).set(auth(moderator.token)).send({}).expect(400)
      expect(noResponse.body['invalid-params']).to.have.keys('moderationResponse')

      await instance.api().post(`/api/v1/users/registrations/${julia.id}/accept`).set(auth(moderator.token))
        .send({ moderationResponse: 'Welcome!' })
        .expect(204)

      const [ accepted ] = (await registrations()).data
      expect(accepted.state).to.deep.equal({ id: 3, label: 'Accepted' })
      expect(accepted.moderationResponse).to.equal('Welcome!')
      expect(accepted.user?.id).to.be.a('number')

      const token = await instance.login('julia', 'julia-password')
      const me = await instance.api().get('/api/v1/users/me').set(auth(token)).expect(200)
      expect(me.body.role.id).to.equal(2)
      expect(me.body.account.displayName).to.equal('Julia J.')
      expect(me.body.videoChannels.map((c: { name: string, displayName: string }) => [ c.name, c.displayName ]))
        .to.deep.equal([ [ 'julia_films', 'Julia films' ] ])

      await instance.api().post(`/api/v1/users/registrations/${julia.id}/accept`).set(auth(moderator.token))
        .send({ moderationResponse: 'Again' })
        .expect(400)
    })

    it('records a rejection without creating the user', async function () {
      const res = await instance.api().post('/api/v1/users/registrations/request').send(request('karl')).expect(200)

      await instance.api().post(`/api/v1/users/registrations/${res.body.id}/reject`).set(auth(moderator.token))
        .send({ moderationResponse: 'Not this time' })
        .expect(204)

      const karl = (await registrations()).data.find(r => r.username === 'karl')!
      expect(karl.state).to.deep.equal({ id: 2, label: 'Rejected' })
      expect(karl.user).to.equal(null)
      await tokenRequest(instance, { grant_type: 'password', username: 'karl', password: 'karl-password' }, 400)
      await instance.api().post(`/api/v1/users/registrations/${res.body.id}/accept`).set(auth(moderator.token))
        .send({ moderationResponse: 'Changed my mind' })
        .expect(400)
    })

    it('deletes a registration; a user created from it stays', async function () {
      const julia = (await registrations()).data.find(r => r.username === 'julia')!

      await instance.api().delete(`/api/v1/users/registrations/${julia.id}`).set(auth(moderator.token)).expect(204)
      await instance.api().delete(`/api/v1/users/registrations/${julia.id}`).set(auth(moderator.token)).expect(404)

      expect((await registrations()).data.map(r => r.username)).to.deep.equal([ 'karl' ])
      await instance.login('julia', 'julia-password')
    })

    it('counts pending requests toward the user limit', async function () {
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "user"')
      for (let i = 0; i < 10 - n; i++) {
        await instance.api().post('/api/v1/users/registrations/request').send(request(`waiting${i}`)).expect(200)
      }
      await instance.api().post('/api/v1/users/registrations/request').send(request('one_too_many')).expect(403)
    })
  })

  describe('When anyone may register directly', function () {
    before(async function () {
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "user"')
      await instance.stop()
      await instance.start({ config: { signup: { enabled: true, requires_approval: false, limit: n + 1 } } })
    })

    it('refuses registration requests: there is nothing to approve (400)', async function () {
      await instance.api().post('/api/v1/users/registrations/request').send(request('lena')).expect(400)
    })

    it('refuses a bad username, naming it, and a taken one (409)', async function () {
      const bad = await instance.api().post('/api/v1/users/register')
        .send({ username: 'lena!', password: 'password1', email: 'lena@example.com' })
        .expect(400)
      expect(bad.body['invalid-params']).to.have.keys('username')

      await instance.api().post('/api/v1/users/register')
        .send({ username: 'julia', password: 'password1', email: 'new-julia@example.com' })
        .expect(409)
      // Pending requests keep their names too.
      await instance.api().post('/api/v1/users/register')
        .send({ username: 'waiting0', password: 'password1', email: 'w0@example.com' })
        .expect(409)
    })

    it('registers a user with the chosen channel, who can log in at once', async function () {
      await instance.api().post('/api/v1/users/register')
        .send({ username: 'lena', password: 'lena-password', email: 'lena@example.com', displayName: 'Lena', channel: { name: 'lena_live', displayName: 'Lena live' } })
        .expect(204)

      const token = await instance.login('lena', 'lena-password')
      const me = await instance.api().get('/api/v1/users/me').set(auth(token)).expect(200)
      expect(me.body).to.include({ username: 'lena', videoQuota: -1, videoQuotaDaily: -1 })
      expect(me.body.role.id).to.equal(2)
      expect(me.body.videoChannels[0].name).to.equal('lena_live')
    })

    it('closes once the user limit is reached (403)', async function () {
      await instance.api().post('/api/v1/users/register')
        .send({ username: 'max', password: 'password1', email: 'max@example.com' })
        .expect(403)
    })
  })
})
