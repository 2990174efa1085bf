import Bull from 'bull'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { testServices } from '../shared/test-services.js'
import { waitUntil } from '../shared/wait.js'

describe('Job queue', function () {
  const instance = new TestInstance(1)

  before(async function () {
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
  })

  async function enqueue (type: string, data: unknown) {
    // A producer in another process, as any Bull producer: the instance's workers pick the job up from Redis.
    const queue = new Bull(type, { prefix: 'tubeless', createClient: () => testServices.redisClient(instance.n) })
    try {
      return await queue.add(data, { attempts: 1 })
    } finally {
      await queue.close()
    }
  }

  it('runs a job enqueued on Bull and lists it as completed', async function () {
    const [ actor ] = await instance.sql<{ id: number }>('SELECT id FROM actor WHERE "preferredUsername" = \'root\'')
    await instance.sql('UPDATE actor SET "publicKey" = NULL, "privateKey" = NULL WHERE id = $1', [ actor.id ])

    const job = await enqueue('actor-keys', { actorId: actor.id })

    const listed = await waitUntil(async () => {
      const res = await instance.api()
        .get('/api/v1/jobs/completed?jobType=actor-keys')
        .set('Authorization', `Bearer ${instance.accessToken}`)
        .expect(200)
      return res.body.data.find((j: { id: string }) => j.id === String(job.id))
    })

    expect(listed).to.include({ state: 'completed', type: 'actor-keys' })
    expect(listed.data).to.deep.equal({ actorId: actor.id })
    expect(listed.finishedOn).to.be.a('string')

    const [ row ] = await instance.sql<{ publicKey: string }>('SELECT "publicKey" FROM actor WHERE id = $1', [ actor.id ])
    expect(row.publicKey).to.match(/^-----BEGIN PUBLIC KEY-----/)
  })

  it('lists a job that failed with its error', async function () {
    const job = await enqueue('actor-keys', { actorId: 999_999 })

    const listed = await waitUntil(async () => {
      const res = await instance.api()
        .get('/api/v1/jobs/failed')
        .set('Authorization', `Bearer ${instance.accessToken}`)
        .expect(200)
      return res.body.data.find((j: { id: string }) => j.id === String(job.id))
    })

    expect(listed.state).to.equal('failed')
    expect(listed.error).to.include('Actor 999999 does not exist')
  })

  it('runs a failed job again when an administrator retries it', async function () {
    const job = await enqueue('actor-keys', { actorId: 424242 })
    const auth = { Authorization: `Bearer ${instance.accessToken}` }
    await waitUntil(async () => {
      const res = await instance.api().get('/api/v1/jobs/failed?jobType=actor-keys').set(auth).expect(200)
      return res.body.data.some((j: { id: string }) => j.id === String(job.id))
    })

    // What it lacked now exists: the retry succeeds.
    await instance.sql(
      'INSERT INTO actor (id, type, "preferredUsername", url, "inboxUrl", "followersCount", "followingCount", "createdAt", "updatedAt") ' +
      'VALUES (424242, \'Person\', \'late\', $1, $2, 0, 0, now(), now())',
      [ `${instance.url}/accounts/late`, `${instance.url}/accounts/late/inbox` ]
    )
    await instance.api().post(`/api/v1/jobs/actor-keys/${job.id}/retry`).set(auth).expect(204)

    await waitUntil(async () => {
      const res = await instance.api().get('/api/v1/jobs/completed?jobType=actor-keys').set(auth).expect(200)
      return res.body.data.some((j: { id: string }) => j.id === String(job.id))
    })
    await instance.api().post(`/api/v1/jobs/actor-keys/${job.id}/retry`).set(auth).expect(404)
  })

  it('keeps the job list for administrators', async function () {
    await instance.api().get('/api/v1/jobs/completed').expect(401)
  })
})
