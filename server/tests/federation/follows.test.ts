import { expect } from 'chai'
import { createUser } from '../api/shared/users.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { bearer, follow, listFollows, unfollow, waitForFollow, waitForNoFollow } from './shared/follows.js'
import { keyPaths, loadReference } from './shared/reference.js'

const AP = { Accept: 'application/activity+json' }

describe('Following between instances', function () {
  const a = new TestInstance(1)
  const b = new TestInstance(2)

  before(async function () {
    await Promise.all([ a.flushAndStart(), b.flushAndStart() ])
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop() ])
  })

  describe('Instance follow', function () {
    it('follows another instance through the API: B has A as an accepted follower', async function () {
      await follow(a, { hosts: [ b.host ] })

      const onB = await waitForFollow(b, 'followers', a.host, 'accepted')
      expect(onB.follower.url).to.equal(`${a.url}/accounts/peertube`)
      expect(onB.following.url).to.equal(`${b.url}/accounts/peertube`)

      const onA = await waitForFollow(a, 'following', b.host, 'accepted')
      expect(onA.follower.host).to.equal(a.host)
    })

    it('reads the outbox of the instance it now follows', async function () {
      const sync = await waitUntil(async () => {
        const rows = await a.sql<{ state: string, pagesRead: number }>('SELECT state, "pagesRead" FROM "actorOutboxSync" WHERE "outboxUrl" = $1', [ `${b.url}/accounts/peertube/outbox` ])
        return rows[0]?.state === 'synced' ? rows[0] : undefined
      })
      expect(sync.pagesRead).to.equal(1)
      const res = await a.api().get('/api/v1/jobs/completed').query({ jobType: 'activitypub-outbox-crawl' }).set(bearer(a)).expect(200)
      expect(res.body.data).to.have.length.above(0)
    })

    it('lists follows shaped like PeerTube\'s, with counts', async function () {
      const followers = await listFollows(b, 'followers')
      const reference = loadReference<{ total: number, data: unknown[] }>('rest-server-followers.json')
      expect(followers.total).to.equal(1)
      expect(keyPaths(followers)).to.deep.equal(keyPaths(reference))
      expect(followers.data[0].following.followersCount).to.equal(1)
      expect(followers.data[0].follower.followingCount).to.equal(1)

      const following = await listFollows(a, 'following', { state: 'accepted', actorType: 'Application', search: 'localhost', sort: '-createdAt' })
      expect(following.total).to.equal(1)
      expect((await listFollows(a, 'following', { state: 'pending' })).total).to.equal(0)
      expect((await listFollows(a, 'following', { actorType: 'Group' })).total).to.equal(0)
      expect((await listFollows(a, 'following', { search: 'no-such-host' })).total).to.equal(0)
    })

    it('publishes the follow in the ActivityPub followers and following collections', async function () {
      const collection = await b.api().get('/accounts/peertube/followers').set(AP).expect(200)
      const followers = JSON.parse(collection.text)
      expect(keyPaths(followers)).to.deep.equal(keyPaths(loadReference('ap-followers.json')))
      expect(followers.totalItems).to.equal(1)

      const page = JSON.parse((await b.api().get('/accounts/peertube/followers?page=1').set(AP).expect(200)).text)
      expect(keyPaths(page)).to.deep.equal(keyPaths(loadReference('ap-followers-page1.json')))
      expect(page.orderedItems).to.deep.equal([ `${a.url}/accounts/peertube` ])

      const following = JSON.parse((await a.api().get('/accounts/peertube/following?page=1').set(AP).expect(200)).text)
      expect(following.orderedItems).to.deep.equal([ `${b.url}/accounts/peertube` ])
    })

    it('keeps the follow API for those allowed to manage follows', async function () {
      await a.api().post('/api/v1/server/following').send({ hosts: [ b.host ] }).expect(401)

      const user = await createUser(a, 'follow_user')
      await a.api().post('/api/v1/server/following').set({ Authorization: `Bearer ${user.token}` }).send({ hosts: [ b.host ] }).expect(403)

      await a.api().post('/api/v1/server/following').set(bearer(a)).send({ hosts: [ a.host ] }).expect(400)
      await a.api().post('/api/v1/server/following').set(bearer(a)).send({ hosts: [ 'not a host' ] }).expect(400)
      await a.api().post('/api/v1/server/following').set(bearer(a)).send({}).expect(400)
    })

    it('unfollows: the follow is gone on both sides', async function () {
      await unfollow(a, b.host)
      expect((await listFollows(a, 'following')).total).to.equal(0)

      await waitForNoFollow(b, 'followers', a.host)
      const followers = JSON.parse((await b.api().get('/accounts/peertube/followers').set(AP).expect(200)).text)
      expect(followers.totalItems).to.equal(0)

      await a.api().delete(`/api/v1/server/following/${b.host}`).set(bearer(a)).expect(404)
    })
  })

  describe('Channel and account follows', function () {
    it('follows a channel by its handle', async function () {
      await follow(a, { handles: [ `root_channel@${b.host}` ] })

      const onA = await waitForFollow(a, 'following', b.host, 'accepted', 'root_channel')
      expect(onA.following.url).to.equal(`${b.url}/video-channels/root_channel`)
      expect((await listFollows(a, 'following', { actorType: 'Group' })).total).to.equal(1)

      const channelFollowers = await waitUntil(async () => {
        const res = await b.api().get('/video-channels/root_channel/followers?page=1').set(AP).expect(200)
        const page = JSON.parse(res.text)
        return page.totalItems === 1 && page
      })
      expect(channelFollowers.orderedItems).to.deep.equal([ `${a.url}/accounts/peertube` ])
    })

    it('stores the remote channel with its owner account', async function () {
      const rows = await a.sql<{ name: string, owner: string }>(
        'SELECT c.name, oa.url AS owner FROM "videoChannel" c JOIN actor ca ON ca.id = c."actorId" ' +
        'JOIN account o ON o.id = c."accountId" JOIN actor oa ON oa.id = o."actorId" WHERE ca.url = $1',
        [ `${b.url}/video-channels/root_channel` ]
      )
      expect(rows).to.deep.equal([ { name: 'Main root channel', owner: `${b.url}/accounts/root` } ])
    })

    it('unfollows the channel by its handle', async function () {
      await unfollow(a, `root_channel@${b.host}`)
      await waitUntil(async () => {
        const page = JSON.parse((await b.api().get('/video-channels/root_channel/followers').set(AP).expect(200)).text)
        return page.totalItems === 0
      })
    })
  })

  describe('User subscriptions', function () {
    const headers = () => bearer(a)

    it('subscribes a user to a remote channel', async function () {
      await a.api().post('/api/v1/users/me/subscriptions').set(headers()).send({ uri: `root_channel@${b.host}` }).expect(204)

      const list = await waitUntil(async () => {
        const res = await a.api().get('/api/v1/users/me/subscriptions').set(headers()).expect(200)
        return res.body.total === 1 && res.body
      })
      expect(list.data[0]).to.include({ name: 'root_channel', host: b.host, displayName: 'Main root channel', isLocal: false })
      expect(list.data[0].ownerAccount).to.include({ name: 'root', host: b.host })

      // On B, A's root account follows the channel.
      await waitUntil(async () => {
        const page = JSON.parse((await b.api().get('/video-channels/root_channel/followers?page=1').set(AP).expect(200)).text)
        return page.orderedItems.includes(`${a.url}/accounts/root`)
      })

      const exist = await a.api().get('/api/v1/users/me/subscriptions/exist')
        .query({ uris: [ `root_channel@${b.host}`, `other@${b.host}` ] }).set(headers()).expect(200)
      expect(exist.body).to.deep.equal({ [`root_channel@${b.host}`]: true, [`other@${b.host}`]: false })

      const one = await a.api().get(`/api/v1/users/me/subscriptions/root_channel@${b.host}`).set(headers()).expect(200)
      expect(one.body.url).to.equal(`${b.url}/video-channels/root_channel`)
    })

    it('subscribes to a local channel at once', async function () {
      await a.api().post('/api/v1/users/me/subscriptions').set(headers()).send({ uri: 'root_channel' }).expect(204)
      const res = await a.api().get('/api/v1/users/me/subscriptions').set(headers()).query({ search: 'root' }).expect(200)
      expect(res.body.total).to.equal(2)

      await a.api().post('/api/v1/users/me/subscriptions').set(headers()).send({ uri: 'no_such_channel' }).expect(404)
      await a.api().delete('/api/v1/users/me/subscriptions/root_channel').set(headers()).expect(204)
    })

    it('unsubscribes: the follow is gone on both sides', async function () {
      await a.api().delete(`/api/v1/users/me/subscriptions/root_channel@${b.host}`).set(headers()).expect(204)
      const res = await a.api().get('/api/v1/users/me/subscriptions').set(headers()).expect(200)
      expect(res.body.total).to.equal(0)

      await waitUntil(async () => {
        const page = JSON.parse((await b.api().get('/video-channels/root_channel/followers').set(AP).expect(200)).text)
        return page.totalItems === 0
      })
      await a.api().get(`/api/v1/users/me/subscriptions/root_channel@${b.host}`).set(headers()).expect(404)
    })
  })

  describe('Remote actor cache', function () {
    it('refreshes a remote actor fetched more than a day ago when it is used again', async function () {
      const bServerActor = `${b.url}/accounts/peertube`
      await a.sql('UPDATE account SET name = \'stale copy\' WHERE "actorId" = (SELECT id FROM actor WHERE url = $1)', [ bServerActor ])
      await a.sql('UPDATE actor SET "lastFetchedAt" = now() - interval \'2 days\' WHERE url = $1', [ bServerActor ])

      await follow(a, { hosts: [ b.host ] })
      await waitUntil(async () => {
        const [ row ] = await a.sql<{ name: string, fresh: boolean }>(
          'SELECT ac.name, a."lastFetchedAt" > now() - interval \'1 hour\' AS fresh FROM actor a JOIN account ac ON ac."actorId" = a.id WHERE a.url = $1',
          [ bServerActor ]
        )
        return row.name === 'peertube' && row.fresh
      })

      await waitForFollow(a, 'following', b.host, 'accepted')
      await unfollow(a, b.host)
    })
  })
})
