import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import {
  createOf, fakeFollows, fakePlaylist, fakeVideo, followFakeInstance, receivedActivities, startFakeInstance, type FakeInstance
} from '../hostile/shared/fake-instances.js'
import { postToInbox } from '../hostile/shared/signed-inbox.js'
import { countRowsOfOrigin } from '../hostile/shared/stored-rows.js'

describe('Trust: what is listed is what is followed; identities are not squatted; views follow PeerTube\'s protocol', function () {
  const instance = new TestInstance(1)
  let dir: string
  /** Followed by the instance, accepted. */
  let friend: FakeInstance
  /** Followed too: the one whose video a squatter copies. */
  let origin: FakeInstance
  /** Followed by the instance, the follow not accepted yet. */
  let pending: FakeInstance
  /** A channel a user of ours subscribed to; the instance does not follow it. */
  let subscribed: FakeInstance
  /** Nobody here follows it. */
  let unknown: FakeInstance
  let localUuid: string
  let userToken: string

  const asAdmin = () => ({ Authorization: `Bearer ${instance.accessToken}` })
  const asUser = () => ({ Authorization: `Bearer ${userToken}` })

  async function listedUuids (query: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const res = await instance.api().get('/api/v1/videos').query({ count: 100, ...query }).set(headers).expect(200)
    return (res.body.data as { uuid: string }[]).map(v => v.uuid)
  }

  /** The ids (video URLs) of the instance's video feed, which must list what the public list lists. */
  async function feedVideoUrls (query: Record<string, string> = {}) {
    const res = await instance.api().get('/feeds/videos.json').query(query).expect(200)
    return (JSON.parse(res.text).items as { id: string }[]).map(item => item.id)
  }

  async function videoByUrl (url: string) {
    const [ row ] = await instance.sql<{ uuid: string, views: number }>('SELECT uuid, views FROM video WHERE url = $1', [ url ])
    return row
  }

  async function deliver (fake: FakeInstance, video: ReturnType<typeof fakeVideo>, expected = 204) {
    const res = await postToInbox(instance, createOf(fake, video), fake.account)
    expect(res.status, res.text).to.equal(expected)
    if (expected === 204) await waitUntil(() => videoByUrl(video.id))
  }

  async function conflicts (kind: string) {
    const res = await instance.api().get('/api/v1/server/identity-conflicts').query({ kind }).set(asAdmin()).expect(200)
    return res.body.data as { identifier: string, holderUrl: string, claimantUrl: string, outcome: string, substitute: string | null, occurrences: number }[]
  }

  before(async function () {
    dir = await makeTempDir('trust')
    const clip = generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2 })
    ;[ friend, origin, pending, subscribed, unknown ] = await Promise.all([
      startFakeInstance('alice'), startFakeInstance('olga'), startFakeInstance('pat'), startFakeInstance('sub'), startFakeInstance('uma'),
      instance.flushAndStart({ config: { transcoding: { enabled: false } } })
    ])
    await Promise.all([ followFakeInstance(instance, friend), followFakeInstance(instance, origin) ])
    await instance.api().post('/api/v1/server/following').set(asAdmin()).send({ hosts: [ pending.server.host ] }).expect(204)

    await instance.api().post('/api/v1/users').set(asAdmin())
      .send({ username: 'carol', password: 'carol-password', email: 'carol@example.com', role: 2, videoQuota: -1, videoQuotaDaily: -1 }).expect(200)
    userToken = await instance.login('carol', 'carol-password')

    const upload = await uploadVideo(instance, await clip, { name: 'A local video' })
    expect(upload.status).to.equal(200)
    localUuid = upload.body.video.uuid
    await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${localUuid}`)).body.state?.id === 1, 60_000)
  })

  after(async function () {
    await Promise.all([ instance.stop(), ...[ friend, origin, pending, subscribed, unknown ].map(f => f.server.stop()) ])
    await removeDir(dir)
  })

  describe('Only followed content is stored and listed', function () {
    it('stores a video whose instance we asked to follow, and lists it once the follow is accepted', async function () {
      const video = fakeVideo(pending, { name: 'From an instance not answering yet' })
      await deliver(pending, video)
      const { uuid } = await videoByUrl(video.id)
      await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)
      expect(await listedUuids()).to.not.include(uuid)
      expect(await feedVideoUrls()).to.not.include(video.id)

      const follow = await waitUntil(async () => receivedActivities(pending).find(a => a.type === 'Follow'))
      const accept = await postToInbox(instance, { type: 'Accept', id: `${pending.serverActor.url}/accepts/1`, actor: pending.serverActor.url, object: follow }, pending.serverActor)
      expect(accept.status).to.equal(204)
      await waitUntil(async () => (await listedUuids()).includes(uuid))
      expect(await feedVideoUrls()).to.include(video.id)
    })

    it('keeps the videos of a user\'s subscription out of the public lists, and shows them to logged-in users on the channel page', async function () {
      const handle = `${subscribed.channel.url.split('/').pop()}@${subscribed.server.host}`
      await instance.api().post('/api/v1/users/me/subscriptions').set(asUser()).send({ uri: handle }).expect(204)
      await waitUntil(async () => receivedActivities(subscribed).some(a => a.type === 'Follow'))

      const video = fakeVideo(subscribed, { name: 'For subscribers' })
      await deliver(subscribed, video)
      const { uuid } = await videoByUrl(video.id)

      expect(await listedUuids()).to.not.include(uuid)
      expect(await listedUuids({}, asUser())).to.not.include(uuid)
      const search = await instance.api().get('/api/v1/search/videos').query({ search: 'For subscribers' }).expect(200)
      expect(search.body.total).to.equal(0)
      expect(await feedVideoUrls()).to.not.include(video.id)

      const channelPath = `/api/v1/video-channels/${encodeURIComponent(handle)}/videos`
      expect((await instance.api().get(channelPath).expect(200)).body.total).to.equal(0)
      expect((await instance.api().get(channelPath).set(asUser()).expect(200)).body.data.map((v: { uuid: string }) => v.uuid)).to.include(uuid)
    })

    it('lists playlists of followed instances only: one of a user\'s subscription is stored but not listed, one of an unfollowed actor is refused', async function () {
      // carol subscribed to `subscribed`'s channel in the test above.
      const playlistRow = async (url: string) => (await instance.sql<{ uuid: string }>('SELECT uuid FROM "videoPlaylist" WHERE url = $1', [ url ]))[0]
      const listedPlaylists = async (path: string, query: Record<string, string>, headers: Record<string, string> = {}) =>
        ((await instance.api().get(path).query({ count: 100, ...query }).set(headers).expect(200)).body.data as { uuid: string }[]).map(p => p.uuid)

      const followed = fakePlaylist(friend, { name: 'Playlist of a followed instance' })
      const forSubscribers = fakePlaylist(subscribed, { name: 'Playlist for subscribers' })
      for (const [ fake, playlist ] of [ [ friend, followed ], [ subscribed, forSubscribers ] ] as const) {
        const res = await postToInbox(instance, createOf(fake, playlist), fake.account)
        expect(res.status, res.text).to.equal(204)
      }
      const followedUuid = (await waitUntil(() => playlistRow(followed.id))).uuid
      const subscriptionUuid = (await waitUntil(() => playlistRow(forSubscribers.id))).uuid
      await instance.api().get(`/api/v1/video-playlists/${subscriptionUuid}`).expect(200)

      for (const headers of [ {}, asUser() ]) {
        const listed = await listedPlaylists('/api/v1/video-playlists', {}, headers)
        expect(listed).to.include(followedUuid)
        expect(listed).to.not.include(subscriptionUuid)
        const found = await listedPlaylists('/api/v1/search/video-playlists', { search: 'Playlist' }, headers)
        expect(found).to.include(followedUuid)
        expect(found).to.not.include(subscriptionUuid)
      }

      const spam = fakePlaylist(unknown, { name: 'Playlist nobody follows' })
      for (const activity of [ createOf(unknown, spam), { ...createOf(unknown, spam), type: 'Update', id: `${spam.id}/updates/1` }, { ...createOf(unknown, spam), id: `${spam.id}/activity-2`, object: spam.id } ]) {
        const res = await postToInbox(instance, activity, unknown.account)
        expect(res.status, res.text).to.equal(403)
        expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      }
      expect(await playlistRow(spam.id)).to.equal(undefined)
      expect(await countRowsOfOrigin(instance, unknown.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })
    })

    it('fetches a video searched for by URL for a logged-in user only: stored, reachable, not listed', async function () {
      const video = fakeVideo(unknown, { name: 'Found by its URL' })

      const anonymous = await instance.api().get('/api/v1/search/videos').query({ search: video.id }).expect(200)
      expect(anonymous.body).to.deep.include({ total: 0 })
      expect(await countRowsOfOrigin(instance, unknown.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })

      const found = await instance.api().get('/api/v1/search/videos').query({ search: video.id }).set(asUser()).expect(200)
      expect(found.body.total).to.equal(1)
      expect(found.body.data[0]).to.include({ name: 'Found by its URL', isLocal: false })

      const { uuid } = await videoByUrl(video.id)
      await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)
      expect(await listedUuids()).to.not.include(uuid)

      // Its origin keeps it up to date; its other videos are not wanted.
      const renamed = await postToInbox(instance, { ...createOf(unknown, { ...video, name: 'Renamed at its origin' }), type: 'Update', id: `${video.id}/updates/1` }, unknown.account)
      expect(renamed.status).to.equal(204)
      await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${uuid}`)).body.name === 'Renamed at its origin')
      const other = await postToInbox(instance, createOf(unknown, fakeVideo(unknown, { name: 'Another one' })), unknown.account)
      expect(other.status).to.equal(403)
    })

    it('honours Announces from followed actors only', async function () {
      const announceBy = (fake: FakeInstance, objectUrl: string) =>
        ({ type: 'Announce', id: `${fake.account.url}/announces/${randomUUID()}`, actor: fake.account.url, object: objectUrl })
      const sharesOf = async (url: string) => (await instance.sql('SELECT s.id FROM "videoShare" s JOIN video v ON v.id = s."videoId" WHERE v.url = $1', [ url ]))

      // By an actor nobody here follows: refused, whether the video is unknown or one we have, and nothing is stored.
      const unwanted = fakeVideo(unknown, { name: 'Shared by nobody we follow' })
      const ours = fakeVideo(friend, { name: 'A followed video, shared by a stranger' })
      await deliver(friend, ours)
      for (const objectUrl of [ unwanted.id, ours.id ]) {
        const res = await postToInbox(instance, announceBy(unknown, objectUrl), unknown.account)
        expect(res.status, res.text).to.equal(403)
        expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      }
      expect(await videoByUrl(ours.id)).to.not.equal(undefined)
      expect(await sharesOf(ours.id)).to.have.length(0)

      // By an actor the instance follows: the video is fetched, stored and listed.
      const shared = fakeVideo(unknown, { name: 'Shared by a followed instance' })
      const announce = { type: 'Announce', id: `${friend.serverActor.url}/announces/${randomUUID()}`, actor: friend.serverActor.url, object: shared.id }
      expect((await postToInbox(instance, announce, friend.serverActor)).status).to.equal(204)
      await waitUntil(() => videoByUrl(shared.id))
      const { uuid } = await videoByUrl(shared.id)
      await waitUntil(async () => (await listedUuids()).includes(uuid))
      await waitUntil(async () => (await sharesOf(shared.id)).length === 1)
      expect(await videoByUrl(unwanted.id)).to.equal(undefined)
      expect(await sharesOf(ours.id)).to.have.length(0)
    })

    it('admits a comment answering content we have (ours, or a video we store) from anyone, and stores nothing of one answering what we do not have', async function () {
      // `unknown` is followed by nobody here (its actor is stored since a user searched one of its videos by URL).
      const commentRow = async (url: string) => (await instance.sql<{ videoId: number }>('SELECT "videoId" FROM "videoComment" WHERE url = $1', [ url ]))[0]
      const replyTo = async (inReplyTo: string, content: string) => {
        const id = `${unknown.server.origin}/notes/${randomUUID()}`
        const note = { type: 'Note', id, attributedTo: unknown.account.url, inReplyTo, content, published: new Date().toISOString(), to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
        const res = await postToInbox(instance, { type: 'Create', id: `${id}/activity`, actor: unknown.account.url, to: note.to, object: note }, unknown.account)
        expect(res.status, res.text).to.equal(204)
        return id
      }

      const notHere = fakeVideo(unknown, { name: 'Commented, but not here' })
      const stored = fakeVideo(friend, { name: 'Commented, stored here' })
      await deliver(friend, stored)
      // Activities of one actor are processed in order: once the last is stored, the first was processed.
      const onNothing = await replyTo(notHere.id, 'On a video this instance does not have')
      const onStored = await replyTo(stored.id, 'On a video this instance stores')
      const onOurs = await replyTo(`${instance.url}/videos/watch/${localUuid}`, 'On a local video')

      await waitUntil(() => commentRow(onOurs))
      expect(await commentRow(onStored)).to.not.equal(undefined)
      expect(await commentRow(onNothing)).to.equal(undefined)
      // Not imported because someone commented on it.
      expect(await videoByUrl(notHere.id)).to.equal(undefined)
      const threads = await instance.api().get(`/api/v1/videos/${localUuid}/comment-threads`).expect(200)
      expect(threads.body.data.map((c: { text: string }) => c.text)).to.include('On a local video')
    })
  })

  describe('Identities', function () {
    it('keeps a local video\'s uuid for it: a remote video claiming it is stored under a substitute, and the conflict is shown', async function () {
      const squatter = fakeVideo(friend, { uuid: localUuid, name: 'Squatting a local uuid' })
      await deliver(friend, squatter)

      const byUuid = await instance.api().get(`/api/v1/videos/${localUuid}`).expect(200)
      expect(byUuid.body).to.include({ name: 'A local video', isLocal: true })

      const stored = await videoByUrl(squatter.id)
      expect(stored.uuid).to.not.equal(localUuid)
      const copy = await instance.api().get(`/api/v1/videos/${stored.uuid}`).expect(200)
      expect(copy.body).to.include({ name: 'Squatting a local uuid', isLocal: false })

      const [ conflict ] = (await conflicts('video-uuid')).filter(c => c.claimantUrl === squatter.id)
      expect(conflict).to.include({ identifier: localUuid, outcome: 'substitute-uuid', substitute: stored.uuid })
      expect(conflict.holderUrl).to.equal(`${instance.url}/videos/watch/${localUuid}`)
    })

    it('keeps a uuid for the first origin seen, and still stores the other origin\'s video (under a substitute)', async function () {
      const uuid = randomUUID()
      const real = fakeVideo(origin, { uuid, name: 'The real one' })
      const copy = fakeVideo(friend, { uuid, name: 'A copy with the same uuid' })

      await deliver(origin, real)
      await deliver(friend, copy)
      expect((await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.name).to.equal('The real one')
      const copyUuid = (await videoByUrl(copy.id)).uuid
      expect((await instance.api().get(`/api/v1/videos/${copyUuid}`).expect(200)).body.name).to.equal('A copy with the same uuid')

      // The other order: the copy first, then the real one, which is not refused (as it used to be).
      const second = randomUUID()
      await deliver(friend, fakeVideo(friend, { uuid: second, name: 'Squatter first' }))
      const late = fakeVideo(origin, { uuid: second, name: 'Real, arriving second' })
      await deliver(origin, late)
      expect((await instance.api().get(`/api/v1/videos/${second}`).expect(200)).body.name).to.equal('Squatter first')
      const lateUuid = (await videoByUrl(late.id)).uuid
      expect((await instance.api().get(`/api/v1/videos/${lateUuid}`).expect(200)).body.name).to.equal('Real, arriving second')

      // Updated by its origin: it keeps its substitute, and the conflict stays one.
      const update = await postToInbox(instance, { ...createOf(origin, { ...late, name: 'Real, renamed' }), type: 'Update', id: `${late.id}/updates/1` }, origin.account)
      expect(update.status).to.equal(204)
      await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${lateUuid}`)).body.name === 'Real, renamed')
      expect((await conflicts('video-uuid')).filter(c => c.claimantUrl === late.id)).to.have.length(1)
    })

    it('refuses a second actor claiming a handle its host already has here, and records it', async function () {
      const impostor = await friend.server.addActor('alice-again', { path: '/people/alice', preferredUsername: 'alice' })
      const res = await postToInbox(instance, { type: 'Follow', id: `${impostor.url}/follows/1`, actor: impostor.url, object: `${instance.url}/accounts/root` }, impostor)
      expect(res.status).to.equal(403)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(await instance.sql('SELECT id FROM actor WHERE url = $1', [ impostor.url ])).to.have.length(0)

      const [ conflict ] = await conflicts('actor-handle')
      expect(conflict).to.include({ identifier: `alice@${friend.server.host}`, holderUrl: friend.account.url, claimantUrl: impostor.url, outcome: 'refused' })
    })

    it('gives a handle to a new actor once its holder is gone from its origin', async function () {
      const old = await friend.server.addActor('bob', { path: '/users/bob' })
      await fakeFollows(instance, old, `${instance.url}/accounts/root`)
      friend.server.removeActor('bob')

      const successor = await friend.server.addActor('bob-new', { path: '/people/bob', preferredUsername: 'bob' })
      const res = await postToInbox(instance, { type: 'Follow', id: `${successor.url}/follows/1`, actor: successor.url, object: `${instance.url}/accounts/root` }, successor)
      expect(res.status, res.text).to.equal(204)
      expect(await instance.sql('SELECT id FROM actor WHERE url = $1', [ old.url ])).to.have.length(0)
      expect(await instance.sql('SELECT id FROM actor WHERE url = $1', [ successor.url ])).to.have.length(1)
    })

    it('shows conflicts to administrators only', async function () {
      await instance.api().get('/api/v1/server/identity-conflicts').expect(401)
      await instance.api().get('/api/v1/server/identity-conflicts').set(asUser()).expect(403)
    })
  })

  describe('PeerTube\'s view protocol', function () {
    const viewOf = (fake: FakeInstance, id: string, extra: Record<string, unknown> = {}) =>
      ({ type: 'View', id, actor: fake.serverActor.url, object: `${instance.url}/videos/watch/${localUuid}`, ...extra })
    const localViews = async () => (await instance.api().get(`/api/v1/videos/${localUuid}`).expect(200)).body.views as number

    it('counts a remote viewer once per viewer id, and no viewer reports', async function () {
      const before = await localViews()
      const viewerId = `${friend.serverActor.url}/views/videos/${randomUUID()}`
      for (let i = 0; i < 4; i++) expect((await postToInbox(instance, viewOf(friend, viewerId), friend.serverActor)).status).to.equal(204)
      for (let i = 0; i < 2; i++) await postToInbox(instance, viewOf(friend, `${friend.serverActor.url}/views/videos/${randomUUID()}`), friend.serverActor)
      await postToInbox(instance, viewOf(friend, `${friend.serverActor.url}/views/videos/${randomUUID()}`, { expires: new Date(Date.now() + 60_000).toISOString() }), friend.serverActor)

      await waitUntil(async () => (await localViews()) === before + 3)
      await new Promise(resolve => setTimeout(resolve, 500))
      expect(await localViews()).to.equal(before + 3)
    })

    it('tells a remote video\'s origin of a local view (View), instead of counting it here', async function () {
      const video = fakeVideo(friend, { name: 'Watched from here' })
      await deliver(friend, video)
      const { uuid } = await videoByUrl(video.id)

      await instance.api().post(`/api/v1/videos/${uuid}/views`).expect(204)
      const view = await waitUntil(async () => receivedActivities(friend).find(a => a.type === 'View' && a.object === video.id))
      expect(view.actor).to.equal(`${instance.url}/accounts/peertube`)
      expect(view.id).to.match(new RegExp(`^${instance.url}/accounts/peertube/views/videos/\\d+/[0-9a-f-]{36}$`))
      expect((await videoByUrl(video.id)).views).to.equal(0)
    })

    it('federates the new view count of a local video to its followers (Update)', async function () {
      await fakeFollows(instance, friend.serverActor, `${instance.url}/accounts/peertube`)
      await instance.api().post(`/api/v1/videos/${localUuid}/views`).set('X-Forwarded-For', '203.0.113.9').expect(204)
      const views = await localViews()
      const update = await waitUntil(async () => receivedActivities(friend).find(a => a.type === 'Update' && a.object?.uuid === localUuid && a.object?.views === views), 20_000)
      expect(update.actor).to.equal(`${instance.url}/accounts/root`)
    })
  })
})
