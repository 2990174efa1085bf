import { expect } from 'chai'
import { join } from 'node:path'
import { auth, createUser, type CreatedUser } from '../api/shared/users.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FakePeerTubeChannel } from './shared/fake-peertube-channel.js'
import { keyPaths } from './shared/reference.js'
import { AP_ACCEPT, FAST_TRANSCODING, waitForVideo } from './shared/remote-videos.js'

describe('The viewer\'s library across instances', function () {
  const one = new TestInstance(1)
  const two = new TestInstance(2)
  const remote = new FakePeerTubeChannel()
  let dir: string
  let alice: CreatedUser
  let publishedUuid: string

  async function notificationsOf (instance: TestInstance, token: string) {
    return (await instance.api().get('/api/v1/users/me/notifications').set(auth(token)).expect(200)).body.data as any[]
  }

  async function feed (token: string) {
    return (await one.api().get('/api/v1/users/me/subscriptions/videos').set(auth(token)).query({ count: 100 }).expect(200)).body
  }

  before(async function () {
    dir = await makeTempDir('library-federation')
    await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2, fps: 25 })
    await remote.start(25)
    await Promise.all([ one.flushAndStart({ config: FAST_TRANSCODING }), two.flushAndStart({ config: FAST_TRANSCODING }) ])
    alice = await createUser(one, 'alice')
  })

  after(async function () {
    await Promise.all([ one.stop(), two.stop(), remote.stop() ])
    await removeDir(dir)
  })

  describe('Subscribing to a remote channel imports its whole catalogue', function () {
    const handle = () => `root_channel@${remote.host}`
    const syncState = async () => (await one.api().get(`/api/v1/video-channels/${handle()}/catalogue-sync`).expect(200)).body

    it('reads the outbox page after page, shows how far it is, and resumes at a failing page', async function () {
      remote.failNext('/video-channels/root_channel/outbox?page=2', [ 500 ])
      await one.api().post('/api/v1/users/me/subscriptions').set(auth(alice.token)).send({ uri: `@${handle()}` }).expect(204)

      const follow = await waitUntil(async () => remote.inbox.find(a => a.type === 'Follow'))
      expect(follow.object).to.equal(remote.channelUrl)
      const accepted = await remote.acceptFollow(follow, `${one.url}/inbox`)
      expect(accepted.status).to.equal(204)

      // Page 2 failed once: the crawl shows what it has and goes on from there.
      const partial = await waitUntil(async () => {
        const state = await syncState()
        return state.processedItems === 10 ? state : undefined
      })
      expect(partial).to.include({ isLocal: false, totalItems: 25 })

      const done = await waitUntil(async () => {
        const state = await syncState()
        return state.state === 'synced' ? state : undefined
      }, 30_000)
      expect(done).to.include({ totalItems: 25, processedItems: 25, pagesRead: 3, videosCount: 25, lastError: null })
      const outboxReads = remote.requests.filter(r => r.startsWith('GET /video-channels/root_channel/outbox'))
      expect(outboxReads).to.deep.equal([
        'GET /video-channels/root_channel/outbox',
        'GET /video-channels/root_channel/outbox?page=1',
        'GET /video-channels/root_channel/outbox?page=2',
        'GET /video-channels/root_channel/outbox?page=2',
        'GET /video-channels/root_channel/outbox?page=3'
      ])
    })

    it('fills the subscriptions feed with the catalogue, without notifying a video of it', async function () {
      const videos = await feed(alice.token)
      expect(videos.total).to.equal(25)
      expect(videos.data.map((v: any) => v.uuid)).to.have.members(remote.videoUuids())
      expect((await notificationsOf(one, alice.token)).filter(n => n.type === 1)).to.have.length(0)
    })
  })

  describe('Subscribing to a channel of another instance', function () {
    it('subscribes by the channel\'s URL and gets the origin\'s new videos in the feed, with a notification', async function () {
      await one.api().post('/api/v1/users/me/subscriptions').set(auth(alice.token)).send({ uri: `${two.url}/c/root_channel` }).expect(204)
      await waitUntil(async () => {
        const rows = await one.sql<{ state: string }>('SELECT f.state FROM "actorFollow" f JOIN actor t ON t.id = f."targetActorId" WHERE t.url = $1', [ `${two.url}/video-channels/root_channel` ])
        return rows[0]?.state === 'accepted'
      })

      const res = await uploadVideo(two, join(dir, 'clip.mp4'), { name: 'Fresh from instance two' })
      expect(res.status).to.equal(200)
      publishedUuid = res.body.video.uuid
      await waitForLadder(two, publishedUuid, [ 240 ])

      const videos = await waitUntil(async () => {
        const found = await feed(alice.token)
        return found.data.some((v: any) => v.uuid === publishedUuid) ? found : undefined
      }, 30_000)
      expect(videos.total).to.equal(26)
      const news = await waitUntil(async () => (await notificationsOf(one, alice.token)).find(n => n.type === 1))
      expect(news.video).to.include({ uuid: publishedUuid, name: 'Fresh from instance two' })
      expect(news.video.channel).to.include({ name: 'root_channel', host: two.host })
    })

    it('tells the channel\'s owner on its own instance of the remote subscriber', async function () {
      const follow = await waitUntil(async () => (await notificationsOf(two, two.accessToken)).find(n => n.type === 10))
      expect(follow.actorFollow.follower).to.include({ name: 'alice', host: one.host })
      expect(follow.actorFollow.following).to.include({ type: 'channel', name: 'root_channel' })
    })
  })

  describe('Comments notify across instances', function () {
    it('tells a video\'s owner of a comment written on another instance, and the commenter of the answer', async function () {
      const thread = (await one.api().post(`/api/v1/videos/${publishedUuid}/comment-threads`).set(auth(alice.token))
        .send({ text: 'Greetings from instance one' }).expect(200)).body.comment
      const toOwner = await waitUntil(async () => (await notificationsOf(two, two.accessToken)).find(n => n.type === 2), 30_000)
      expect(toOwner.comment.account).to.include({ name: 'alice', host: one.host })
      expect(toOwner.comment.video).to.include({ uuid: publishedUuid })

      const onTwo = (await two.api().get(`/api/v1/videos/${publishedUuid}/comment-threads`).expect(200)).body.data.find((c: any) => c.url === thread.url)
      await two.api().post(`/api/v1/videos/${publishedUuid}/comments/${onTwo.id}`).set(auth(two.accessToken)).send({ text: 'Welcome!' }).expect(200)
      const answered = await waitUntil(async () => (await notificationsOf(one, alice.token)).find(n => n.type === 11), 30_000)
      expect(answered.comment.account).to.include({ name: 'root', host: two.host })
      expect(answered.comment.threadId).to.equal(thread.id)
    })
  })

  describe('Playlists federate as PeerTube\'s Playlist objects', function () {
    let playlist: { id: number, uuid: string }
    // one has them through alice's subscription only: logged-in users see them on the channel's page.
    const remotePlaylists = async (token: string | null = alice.token) =>
      (await one.api().get(`/api/v1/video-channels/root_channel@${two.host}/video-playlists`).set(token ? auth(token) : {}).expect(200)).body

    it('serves a public playlist as a Playlist collection whose pages list PlaylistElement URLs', async function () {
      const channelId = (await two.api().get('/api/v1/video-channels/root_channel').expect(200)).body.id
      playlist = (await two.api().post('/api/v1/video-playlists').set(auth(two.accessToken))
        .send({ displayName: 'Best of two', privacy: 1, videoChannelId: channelId, description: 'Chosen videos' }).expect(200)).body.videoPlaylist
      await two.api().post(`/api/v1/video-playlists/${playlist.id}/videos`).set(auth(two.accessToken)).send({ videoId: publishedUuid, startTimestamp: 1 }).expect(200)

      const object = JSON.parse((await two.api().get(`/video-playlists/${playlist.uuid}`).set(AP_ACCEPT).expect(200)).text)
      expect(object).to.include({ type: 'Playlist', id: `${two.url}/video-playlists/${playlist.uuid}`, name: 'Best of two', content: 'Chosen videos', mediaType: 'text/markdown', uuid: playlist.uuid, totalItems: 1 })
      expect(object.attributedTo).to.deep.equal([ `${two.url}/video-channels/root_channel` ])
      expect(object.to).to.deep.equal([ 'https://www.w3.org/ns/activitystreams#Public' ])
      expect(keyPaths(object)).to.include.members([ '@context', 'first', 'published', 'updated' ])

      const page = JSON.parse((await two.api().get(`/video-playlists/${playlist.uuid}?page=1`).set(AP_ACCEPT).expect(200)).text)
      // PeerTube types its pages 'Playlist' too (a page is the Playlist object paged).
      expect(page).to.include({ type: 'Playlist', partOf: `${two.url}/video-playlists/${playlist.uuid}` })
      const element = JSON.parse((await two.api().get(new URL(page.orderedItems[0]).pathname).set(AP_ACCEPT).expect(200)).text)
      expect(element).to.include({ type: 'PlaylistElement', url: `${two.url}/videos/watch/${publishedUuid}`, position: 1, startTimestamp: 1 })
      const collection = JSON.parse((await two.api().get('/video-channels/root_channel/playlists').set(AP_ACCEPT).expect(200)).text)
      expect(collection.totalItems).to.equal(1)
    })

    it('appears on the subscriber\'s instance with its elements, for its users only: not in the public lists of an instance that does not follow it', async function () {
      const listed = await waitUntil(async () => {
        const found = await remotePlaylists()
        return found.total === 1 && found.data[0].videosLength === 1 ? found.data[0] : undefined
      }, 30_000)
      expect(listed).to.include({ uuid: playlist.uuid, displayName: 'Best of two', isLocal: false, videosLength: 1 })
      const elements = (await one.api().get(`/api/v1/video-playlists/${playlist.uuid}/videos`).expect(200)).body
      expect(elements.data.map((e: any) => [ e.video.uuid, e.startTimestamp ])).to.deep.equal([ [ publishedUuid, 1 ] ])
      // A user's subscription is no follow of the instance: as its videos, its playlists stay out of public lists.
      expect((await remotePlaylists(null)).total).to.equal(0)
      for (const headers of [ {}, auth(alice.token) ]) {
        const found = (await one.api().get('/api/v1/search/video-playlists').query({ search: 'best of' }).set(headers).expect(200)).body
        expect(found.total).to.equal(0)
        expect((await one.api().get('/api/v1/video-playlists').set(headers).expect(200)).body.data.map((p: any) => p.uuid)).to.not.include(playlist.uuid)
      }
    })

    it('follows its origin\'s changes (elements, name) and its deletion; private playlists stay home', async function () {
      await two.api().post(`/api/v1/video-playlists/${playlist.id}/videos`).set(auth(two.accessToken)).send({ videoId: publishedUuid, stopTimestamp: 1 }).expect(200)
      await two.api().put(`/api/v1/video-playlists/${playlist.id}`).set(auth(two.accessToken)).send({ displayName: 'Best of two, again' }).expect(204)
      await waitUntil(async () => {
        const [ copy ] = (await remotePlaylists()).data
        return copy?.displayName === 'Best of two, again' && copy.videosLength === 2
      }, 30_000)

      await two.api().post('/api/v1/video-playlists').set(auth(two.accessToken)).send({ displayName: 'Secret list', privacy: 3 }).expect(200)
      await two.api().delete(`/api/v1/video-playlists/${playlist.id}`).set(auth(two.accessToken)).expect(204)
      await waitUntil(async () => (await remotePlaylists()).total === 0, 30_000)
      const rows = await one.sql('SELECT id FROM "videoPlaylist" WHERE remote = true')
      expect(rows).to.have.length(0)
      await waitForVideo(one, publishedUuid)
    })
  })
})
