import Bull from 'bull'
import { expect } from 'chai'
import { verifyIncomingRequest } from '../../helpers/activitypub/index.js'
import { TestInstance } from '../shared/test-instance.js'
import { testServices } from '../shared/test-services.js'
import { waitUntil } from '../shared/wait.js'
import { FakeRemoteServer } from './shared/fake-remote-server.js'

describe('Delivery jobs', function () {
  const instance = new TestInstance(1)
  const up = new FakeRemoteServer()
  const unreachable = new FakeRemoteServer()
  let serverActor: { id: number, url: string, publicKey: string }
  let activityCount = 0

  before(async function () {
    await Promise.all([
      instance.flushAndStart({ config: { federation: { delivery: { backoff: '200 milliseconds', attempts: 5 } } } }),
      up.start(),
      unreachable.start()
    ])
    const [ row ] = await instance.sql<{ id: number, url: string, publicKey: string }>(
      'SELECT id, url, "publicKey" FROM actor WHERE "preferredUsername" = \'peertube\' AND "serverId" IS NULL'
    )
    serverActor = row

    // Server rows as federation would have created them; the second one has failed every delivery for 10 days.
    await instance.sql('INSERT INTO server (host, "redundancyAllowed", "createdAt", "updatedAt") VALUES ($1, false, now(), now())', [ up.host ])
    await instance.sql(
      'INSERT INTO server (host, "redundancyAllowed", "failingSince", "createdAt", "updatedAt") VALUES ($1, false, now() - interval \'10 days\', now(), now())',
      [ unreachable.host ]
    )
  })

  after(async function () {
    await instance.stop()
    await Promise.all([ up.stop(), unreachable.stop() ])
  })

  function activity () {
    const id = `${serverActor.url}/tests/${++activityCount}`
    return { '@context': [ 'https://www.w3.org/ns/activitystreams' ], type: 'Announce', id, actor: serverActor.url, object: `${serverActor.url}/things/${activityCount}` }
  }

  async function enqueue (type: 'activitypub-http-broadcast' | 'activitypub-http-unicast', data: object, options: Bull.JobOptions) {
    // Any producer can queue a job; the instance's workers run it.
    const queue = new Bull(type, { prefix: 'tubeless', createClient: () => testServices.redisClient(instance.n) })
    try {
      await queue.add(data, options)
    } finally {
      await queue.close()
    }
  }

  async function failingSince (host: string) {
    const [ row ] = await instance.sql<{ failingSince: Date | null }>('SELECT "failingSince" FROM server WHERE host = $1', [ host ])
    return row.failingSince
  }

  const received = (server: FakeRemoteServer, path: string, id: string) =>
    server.received.filter(r => r.path === path && JSON.parse(r.body.toString('utf8')).id === id)

  it('broadcasts signed deliveries, retries the failed inboxes only, and skips unreachable servers', async function () {
    const body = activity()
    up.respondWith('/flaky/inbox', [ 503, 503 ])
    up.respondWith('/refusing/inbox', [ 400 ])

    const uris = [ `${up.origin}/ok/inbox`, `${up.origin}/flaky/inbox`, `${up.origin}/refusing/inbox`, `${unreachable.origin}/users/x/inbox` ]
    await enqueue('activitypub-http-broadcast', { uris, body, signatureActorId: serverActor.id }, { attempts: 1 })

    const flaky = await waitUntil(async () => {
      const requests = received(up, '/flaky/inbox', body.id)
      return requests.some(r => r.status === 202) && requests
    })
    expect(flaky.map(r => r.status)).to.deep.equal([ 503, 503, 202 ])

    // Only the inbox that failed was retried: the others got exactly one request.
    await new Promise(resolve => setTimeout(resolve, 1500))
    expect(received(up, '/ok/inbox', body.id)).to.have.length(1)
    expect(received(up, '/refusing/inbox', body.id)).to.have.length(1)
    expect(received(unreachable, '/users/x/inbox', body.id)).to.have.length(0)

    const delivery = received(up, '/ok/inbox', body.id)[0]
    const verification = await verifyIncomingRequest({
      method: 'POST', path: '/ok/inbox', headers: delivery.headers, rawBody: delivery.body, publicKeyPem: serverActor.publicKey
    })
    expect(verification).to.include({ ok: true, keyId: serverActor.url })
  })

  it('records a failing server, and clears it at the next success', async function () {
    const body = activity()
    up.respondWith('/down-for-a-while/inbox', [ 500, 500, 500 ])
    await enqueue('activitypub-http-unicast', { uri: `${up.origin}/down-for-a-while/inbox`, body, signatureActorId: serverActor.id },
      { attempts: 5, backoff: { type: 'exponential', delay: 300 } })

    expect(await waitUntil(() => failingSince(up.host))).to.be.instanceOf(Date)
    await waitUntil(async () => received(up, '/down-for-a-while/inbox', body.id).some(r => r.status === 202))
    await waitUntil(async () => (await failingSince(up.host)) === null)
  })

  it('still tries a unicast delivery to an unreachable server, and marks it reachable again', async function () {
    const body = activity()
    await enqueue('activitypub-http-unicast', { uri: `${unreachable.origin}/users/x/inbox`, body, signatureActorId: serverActor.id }, { attempts: 1 })

    await waitUntil(async () => received(unreachable, '/users/x/inbox', body.id).length === 1)
    await waitUntil(async () => (await failingSince(unreachable.host)) === null)
  })
})
