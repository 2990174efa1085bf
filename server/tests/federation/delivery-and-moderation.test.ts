import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { bearer, follow, listFollows, unfollow, waitForFollow, waitForNoFollow } from './shared/follows.js'

describe('Federation deliveries and follower moderation', function () {
  const a = new TestInstance(1)
  const b = new TestInstance(2)

  before(async function () {
    await Promise.all([
      a.flushAndStart({ config: { federation: { delivery: { backoff: '500 milliseconds', attempts: 12 } } } }),
      b.flushAndStart()
    ])
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop() ])
  })

  async function failingSinceOnA (host: string) {
    const [ row ] = await a.sql<{ failingSince: Date | null }>('SELECT "failingSince" FROM server WHERE host = $1', [ host ])
    return row?.failingSince ?? null
  }

  async function followFromScratch () {
    await follow(a, { hosts: [ b.host ] })
    await waitForFollow(a, 'following', b.host, 'accepted')
    await unfollow(a, b.host)
    await waitForNoFollow(b, 'followers', a.host)
  }

  describe('An instance that is down', function () {
    it('gets the follow once it is back: the delivery is retried', async function () {
      // A knows B's actor from a first follow; the second Follow is a pure delivery to a stopped instance.
      await followFromScratch()
      await b.stop()

      await follow(a, { hosts: [ b.host ] })
      await waitForFollow(a, 'following', b.host, 'pending')
      expect(await waitUntil(() => failingSinceOnA(b.host))).to.be.instanceOf(Date)

      await b.start()
      await waitForFollow(b, 'followers', a.host, 'accepted')
      await waitForFollow(a, 'following', b.host, 'accepted')
      await waitUntil(async () => (await failingSinceOnA(b.host)) === null)
    })
  })

  describe('Manual approval of instance followers', function () {
    before(async function () {
      await unfollow(a, b.host)
      await waitForNoFollow(b, 'followers', a.host)
      await b.stop()
      await b.start({ config: { federation: { followers: { instance: { manual_approval: true } } } } })
    })

    it('keeps a new follower pending until an administrator accepts it', async function () {
      await follow(a, { hosts: [ b.host ] })
      await waitForFollow(b, 'followers', a.host, 'pending')
      // Nothing more happens by itself.
      await new Promise(resolve => setTimeout(resolve, 1000))
      expect((await listFollows(a, 'following')).data[0].state).to.equal('pending')
      expect((await listFollows(b, 'followers', { state: 'pending' })).total).to.equal(1)

      await b.api().post(`/api/v1/server/followers/peertube@${a.host}/accept`).set(bearer(b)).expect(204)
      await waitForFollow(b, 'followers', a.host, 'accepted')
      await waitForFollow(a, 'following', b.host, 'accepted')

      await b.api().post(`/api/v1/server/followers/peertube@${a.host}/accept`).set(bearer(b)).expect(403)
    })

    it('rejects a pending follower: the follower stops following', async function () {
      await unfollow(a, b.host)
      await waitForNoFollow(b, 'followers', a.host)

      await follow(a, { hosts: [ b.host ] })
      await waitForFollow(b, 'followers', a.host, 'pending')
      await b.api().post(`/api/v1/server/followers/peertube@${a.host}/reject`).set(bearer(b)).expect(204)

      await waitForFollow(b, 'followers', a.host, 'rejected')
      await waitUntil(async () => (await listFollows(a, 'following')).total === 0)
    })

    it('removes a follower', async function () {
      await b.api().delete(`/api/v1/server/followers/peertube@${a.host}`).set(bearer(b)).expect(204)
      expect((await listFollows(b, 'followers')).total).to.equal(0)

      await b.api().delete(`/api/v1/server/followers/peertube@${a.host}`).set(bearer(b)).expect(404)
      await b.api().post('/api/v1/server/followers/nobody@example.com/accept').set(bearer(b)).expect(404)
      await b.api().delete(`/api/v1/server/followers/peertube@${a.host}`).expect(401)
    })
  })

  describe('Automatic follow back', function () {
    before(async function () {
      await b.stop()
      await b.start({ config: { federation: { followings: { instance: { auto_follow_back: { enabled: true } } } } } })
    })

    it('follows back an instance that follows it', async function () {
      await follow(a, { hosts: [ b.host ] })
      await waitForFollow(b, 'followers', a.host, 'accepted')
      await waitForFollow(b, 'following', a.host, 'accepted')
      await waitForFollow(a, 'followers', b.host, 'accepted')
    })
  })
})
