import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'

describe('Runtime settings (custom config) and instance stats', function () {
  const instance = new TestInstance(1)
  let userToken: string

  before(async function () {
    await instance.flushAndStart()
    await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ username: 'bob', password: 'bob-password', email: 'bob@example.com', role: 2, videoQuota: -1, videoQuotaDaily: -1 })
      .expect(200)
    userToken = await instance.login('bob', 'bob-password')
  })

  after(async function () {
    await instance.stop()
  })

  const asAdmin = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  it('shows the runtime settings to administrators only', async function () {
    await instance.api().get('/api/v1/config/custom').expect(401)
    await instance.api().get('/api/v1/config/custom').set('Authorization', `Bearer ${userToken}`).expect(403)

    const res = await instance.api().get('/api/v1/config/custom').set(asAdmin()).expect(200)
    expect(res.body.instance.name).to.equal('Tubeless test 1')
    expect(res.body.transcoding.resolutions['720p']).to.equal(true)
    expect(res.body.followers.instance).to.have.keys('enabled', 'manualApproval')
  })

  it('applies a change at once', async function () {
    const res = await instance.api().put('/api/v1/config/custom').set(asAdmin())
      .send({ instance: { name: 'Renamed instance' }, signup: { enabled: true, limit: -1 } })
      .expect(200)
    expect(res.body.instance.name).to.equal('Renamed instance')

    const config = (await instance.api().get('/api/v1/config').expect(200)).body
    expect(config.instance.name).to.equal('Renamed instance')
    expect(config.signup.allowed).to.equal(true)
  })

  it('refuses unknown keys, null or array sections and wrong types with a 400 naming the key, and changes nothing', async function () {
    const cases: [ Record<string, unknown>, string ][] = [
      [ { instance: { name: 'Nope', favouriteColour: 'x' } }, 'instance.favouriteColour' ],
      [ { theme: { default: 'x' } }, 'theme' ],
      [ { instance: null }, 'instance' ],
      [ { signup: [ true ] }, 'signup' ],
      [ { signup: { enabled: 'yes' } }, 'signup.enabled' ],
      [ { transcoding: { resolutions: { '720p': null } } }, 'transcoding.resolutions.720p' ],
      [ { user: { videoQuota: { big: true } } }, 'user.videoQuota' ]
    ]
    for (const [ body, key ] of cases) {
      const res = await instance.api().put('/api/v1/config/custom').set(asAdmin()).send(body).expect(400)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params'], JSON.stringify(body)).to.have.property(key)
    }
    expect((await instance.api().get('/api/v1/config').expect(200)).body.instance.name).to.equal('Renamed instance')
  })

  it('keeps runtime changes across a restart', async function () {
    await instance.restart()
    expect((await instance.api().get('/api/v1/config').expect(200)).body.instance.name).to.equal('Renamed instance')
  })

  it('refuses an inconsistent change as a whole, naming the setting, and keeps the current ones', async function () {
    const res = await instance.api().put('/api/v1/config/custom').set(asAdmin())
      .send({ instance: { name: 'Half applied?' }, transcoding: { webVideos: { enabled: false }, hls: { enabled: false } } })
      .expect(400)
    expect(res.body['invalid-params']).to.have.property('transcoding.webVideos.enabled')

    const bad = await instance.api().put('/api/v1/config/custom').set(asAdmin()).send({ instance: { defaultNSFWPolicy: 'sometimes' } }).expect(400)
    expect(bad.body['invalid-params']).to.have.property('instance.defaultNSFWPolicy')

    expect((await instance.api().get('/api/v1/config').expect(200)).body.instance.name).to.equal('Renamed instance')
  })

  it('goes back to the configuration files on DELETE', async function () {
    await instance.api().delete('/api/v1/config/custom').set(asAdmin()).expect(200)
    expect((await instance.api().get('/api/v1/config').expect(200)).body.instance.name).to.equal('Tubeless test 1')
  })

  it('counts users, videos and follows for the overview', async function () {
    const stats = (await instance.api().get('/api/v1/server/stats').expect(200)).body
    expect(stats).to.include({ totalUsers: 2, totalAdmins: 1, totalLocalVideos: 0, totalVideos: 0, totalInstanceFollowers: 0, totalInstanceFollowing: 0 })
    expect(stats.totalLocalVideoChannels).to.equal(2)
    expect(stats.totalDailyActiveUsers).to.equal(2)
  })
})
