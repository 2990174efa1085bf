import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { auth, createUser } from '../shared/users.js'

describe('Accounts', function () {
  const instance = new TestInstance(1)

  before(async function () {
    await instance.flushAndStart()
    await createUser(instance, 'mona')
    await createUser(instance, 'nils')
  })

  after(async function () {
    await instance.stop()
  })

  it('lists every account, newest first by default, with a total', async function () {
    const res = await instance.api().get('/api/v1/accounts').expect(200)
    expect(res.body.total).to.equal(4)
    expect(res.body.data.map((a: { name: string }) => a.name)).to.deep.equal([ 'nils', 'mona', 'root', 'peertube' ])

    const oldest = await instance.api().get('/api/v1/accounts?sort=createdAt&count=1').expect(200)
    expect(oldest.body.total).to.equal(4)
    expect(oldest.body.data.map((a: { name: string }) => a.name)).to.deep.equal([ 'peertube' ])

    const badSort = await instance.api().get('/api/v1/accounts?sort=email').expect(400)
    expect(badSort.body['invalid-params']).to.have.keys('sort')
  })

  it('gets an account by its handle, local with or without our host', async function () {
    const byName = await instance.api().get('/api/v1/accounts/mona').expect(200)
    expect(byName.body).to.include({ name: 'mona', displayName: 'mona', host: instance.host, url: `${instance.url}/accounts/mona` })
    expect(byName.body).to.include.keys('id', 'avatars', 'followersCount', 'followingCount', 'createdAt', 'updatedAt', 'description', 'userId')

    const byHandle = await instance.api().get(`/api/v1/accounts/mona@${instance.host}`).expect(200)
    expect(byHandle.body.id).to.equal(byName.body.id)
  })

  it('answers 404 for an unknown account, and for a remote handle it has not fetched', async function () {
    const unknown = await instance.api().get('/api/v1/accounts/nobody').expect(404)
    expect(unknown.headers['content-type']).to.match(/^application\/problem\+json/)
    await instance.api().get('/api/v1/accounts/mona@other.example').expect(404)
    // A channel is not an account, though they share the namespace.
    await instance.api().get('/api/v1/accounts/mona_channel').expect(404)
  })

  it('lists the channels of an account', async function () {
    const mona = await instance.login('mona', 'password1')
    await instance.api().post('/api/v1/video-channels').set(auth(mona)).send({ name: 'mona_music', displayName: 'Music' }).expect(200)

    const res = await instance.api().get('/api/v1/accounts/mona/video-channels?sort=createdAt').expect(200)
    expect(res.body.total).to.equal(2)
    expect(res.body.data.map((c: { name: string }) => c.name)).to.deep.equal([ 'mona_channel', 'mona_music' ])
    expect(res.body.data[0].ownerAccount.name).to.equal('mona')

    const page = await instance.api().get('/api/v1/accounts/mona/video-channels?sort=-createdAt&count=1').expect(200)
    expect(page.body.total).to.equal(2)
    expect(page.body.data.map((c: { name: string }) => c.name)).to.deep.equal([ 'mona_music' ])

    await instance.api().get('/api/v1/accounts/nobody/video-channels').expect(404)
  })
})
