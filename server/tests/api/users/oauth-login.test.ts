import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser, localClient, tokenRequest } from '../shared/users.js'

const LOGIN_MAX_FAILURES = 12

describe('OAuth2 login', function () {
  const instance = new TestInstance(1)
  let rootPassword: string

  before(async function () {
    await instance.flushAndStart({
      config: {
        oauth2: { token_lifetime: { access_token: '2 seconds', refresh_token: '2 weeks' } },
        rates_limit: { login: { window: '10 minutes', max: LOGIN_MAX_FAILURES } }
      }
    })
    rootPassword = instance.rootPassword
  })

  after(async function () {
    await instance.stop()
  })

  it('gives the local client credentials to anyone', async function () {
    const client = await localClient(instance)
    expect(client.client_id).to.match(/^[a-z0-9]+$/)
    expect(client.client_secret).to.be.a('string').and.not.empty
  })

  it('logs in with the password grant, by username or by email, as PeerTube answers', async function () {
    const byName = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: rootPassword }, 200)
    expect(byName.body).to.have.all.keys('token_type', 'access_token', 'refresh_token', 'expires_in', 'refresh_token_expires_in')
    expect(byName.body).to.include({ token_type: 'Bearer', expires_in: 2, refresh_token_expires_in: 14 * 24 * 3600 })
    expect(byName.headers['cache-control']).to.equal('no-store')

    const byEmail = await tokenRequest(instance, { grant_type: 'password', username: 'admin1@example.com', password: rootPassword }, 200)
    expect(byEmail.body.access_token).to.not.equal(byName.body.access_token)

    await instance.api().get('/api/v1/users/me').set(auth(byEmail.body.access_token)).expect(200)
  })

  it('refuses a wrong password and an unknown user alike: 400 invalid_grant, nothing else revealed', async function () {
    const wrongPassword = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: 'not-the-password' }, 400)
    const unknownUser = await tokenRequest(instance, { grant_type: 'password', username: 'nobody', password: 'not-the-password' }, 400)

    expect(wrongPassword.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(wrongPassword.body.code).to.equal('invalid_grant')
    expect(wrongPassword.body).to.not.have.property('invalid-params')
    const { instance: _a, ...first } = wrongPassword.body
    const { instance: _b, ...second } = unknownUser.body
    expect(first).to.deep.equal(second)
    expect(JSON.stringify(wrongPassword.body)).to.not.include('not-the-password')
  })

  it('names the missing field of an incomplete token request', async function () {
    const res = await tokenRequest(instance, { grant_type: 'password', username: 'root' }, 400)
    expect(res.body['invalid-params']).to.have.property('password')
  })

  it('stores passwords as bcrypt hashes and never prints them', async function () {
    await createUser(instance, 'hashcheck', { password: 'sup3r-secret', asToken: await instance.login('root', rootPassword) })

    const [ row ] = await instance.sql<{ password: string }>('SELECT password FROM "user" WHERE username = $1', [ 'hashcheck' ])
    expect(row.password).to.match(/^\$2[aby]\$\d\d\$/)
    expect(instance.recentOutput()).to.not.include('sup3r-secret')
    expect(instance.recentOutput()).to.not.include(rootPassword)
  })

  it('refuses an expired access token; the refresh token then gives a new pair, once', async function () {
    const login = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: rootPassword }, 200)
    await instance.api().get('/api/v1/users/me').set(auth(login.body.access_token)).expect(200)

    await new Promise(resolve => setTimeout(resolve, 2500))
    const expired = await instance.api().get('/api/v1/users/me').set(auth(login.body.access_token)).expect(401)
    expect(expired.body.code).to.equal('invalid_token')

    const refreshed = await tokenRequest(instance, { grant_type: 'refresh_token', refresh_token: login.body.refresh_token }, 200)
    expect(refreshed.body.access_token).to.not.equal(login.body.access_token)
    expect(refreshed.body.refresh_token).to.not.equal(login.body.refresh_token)
    await instance.api().get('/api/v1/users/me').set(auth(refreshed.body.access_token)).expect(200)

    const reused = await tokenRequest(instance, { grant_type: 'refresh_token', refresh_token: login.body.refresh_token }, 400)
    expect(reused.body.code).to.equal('invalid_grant')
  })

  it('revokes the token used to log out, and its refresh token with it', async function () {
    const login = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: rootPassword }, 200)
    const other = await instance.login('root', rootPassword)

    await instance.api().post('/api/v1/users/revoke-token').set(auth(login.body.access_token)).expect(200)

    const revoked = await instance.api().get('/api/v1/users/me').set(auth(login.body.access_token)).expect(401)
    expect(revoked.body.code).to.equal('invalid_token')
    await tokenRequest(instance, { grant_type: 'refresh_token', refresh_token: login.body.refresh_token }, 400)
    // Other sessions of the same user stay open.
    await instance.api().get('/api/v1/users/me').set(auth(other)).expect(200)
  })

  it('requires a token on private routes and refuses a malformed one', async function () {
    const missing = await instance.api().get('/api/v1/users/me').expect(401)
    expect(missing.body.code).to.equal('invalid_token')
    await instance.api().get('/api/v1/users/me').set('Authorization', 'Bearer not-a-token').expect(401)
  })

  it('checks rights by role: a plain user cannot list users, a moderator can', async function () {
    const root = await instance.login('root', rootPassword)
    await createUser(instance, 'plainuser', { asToken: root })
    // Tokens live 2 seconds here: a fresh one for the second creation (key generation takes a while under load).
    await createUser(instance, 'moderator1', { role: 1, asToken: await instance.login('root', rootPassword) })

    // Fresh tokens: they live 2 seconds in this file.
    const refused = await instance.api().get('/api/v1/users').set(auth(await instance.login('plainuser', 'password1'))).expect(403)
    expect(refused.body.code).to.equal('not_allowed')
    await instance.api().get('/api/v1/users').set(auth(await instance.login('moderator1', 'password1'))).expect(200)
  })

  // Last: it exhausts this address's allowance of failed logins.
  it('rate-limits repeated failed logins from one address, even a correct one afterwards', async function () {
    let attempts = 0
    let last = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: 'wrong-password' })
    while (last.status === 400 && attempts < LOGIN_MAX_FAILURES + 1) {
      attempts++
      last = await tokenRequest(instance, { grant_type: 'password', username: 'root', password: 'wrong-password' })
    }

    expect(last.status).to.equal(429)
    expect(last.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(last.body.code).to.equal('too_many_requests')
    expect(attempts).to.be.at.most(LOGIN_MAX_FAILURES)

    await tokenRequest(instance, { grant_type: 'password', username: 'root', password: rootPassword }, 429)
  })
})
