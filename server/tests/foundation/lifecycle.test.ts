import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'

describe('Instance lifecycle', function () {
  const instance = new TestInstance(2)

  after(async function () {
    await instance.stop()
  })

  it('creates the administrator "root" on first start', async function () {
    await instance.flushAndStart()

    const users = await instance.sql<{ username: string, role: number }>('SELECT username, role FROM "user"')
    expect(users).to.deep.equal([ { username: 'root', role: 0 } ])
    // The test password is the documented one (test2 on instance 2).
    expect(await instance.login('root', 'test2')).to.be.a('string')
  })

  it('creates the instance actor, named as PeerTube names it', async function () {
    const actors = await instance.sql<{ type: string, url: string }>(
      'SELECT type, url FROM actor WHERE "preferredUsername" = \'peertube\''
    )
    expect(actors).to.deep.equal([ { type: 'Application', url: `${instance.url}/accounts/peertube` } ])
  })

  it('keeps its data across a graceful restart', async function () {
    const token = instance.accessToken
    const before = await instance.sql('SELECT "publicKey" FROM actor ORDER BY id')

    await instance.restart()

    await instance.api().get('/api/v1/jobs').set('Authorization', `Bearer ${token}`).expect(200)
    expect(await instance.sql('SELECT "publicKey" FROM actor ORDER BY id')).to.deep.equal(before)
    expect(await instance.sql('SELECT count(*)::int AS n FROM "user"')).to.deep.equal([ { n: 1 } ])
  })

  it('keeps its data across a crash', async function () {
    const token = instance.accessToken

    await instance.kill()
    await instance.start()

    await instance.api().get('/api/v1/jobs').set('Authorization', `Bearer ${token}`).expect(200)
  })
})

describe('Graceful shutdown', function () {
  const instance = new TestInstance(3)

  before(async function () {
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
  })

  it('stops promptly and cleanly even with a tracker WebSocket open', async function () {
    const { WebSocket } = await import('ws')
    const socket = new WebSocket(`ws://${instance.host}/tracker/socket`)
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject) })

    const started = Date.now()
    await instance.stop()

    expect(Date.now() - started).to.be.below(10_000)
    expect(instance.lastExitCode).to.equal(0)
    socket.terminate()
  })
})
