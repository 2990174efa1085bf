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
import { loopbackCertificate } from './shared/fake-remote-server.js'

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
  /** Serves http and https on one port: two origins of one host. */
  let twin: FakeInstance
  /** Followed by the instance; loses our first Follow (as PeerTube sometimes does). */
  let forgetful: FakeInstance
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
    return res.body.data as { id: number, identifier: string, holderUrl: string, claimantUrl: string, outcome: string, substitute: string | null, occurrences: number, resolvedAt: string | null }[]
  }

  before(async function () {
    dir = await makeTempDir('trust')
    const clip = generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2 })
    const tls = loopbackCertificate(dir)
    ;[ friend, origin, pending, subscribed, unknown, twin, forgetful ] = await Promise.all([
      startFakeInstance('alice'), startFakeInstance('olga'), startFakeInstance('pat'), startFakeInstance('sub'), startFakeInstance('uma'),
      startFakeInstance('hugo', { tls }), startFakeInstance('fay'),
      // The instance trusts the twin's certificate: an https actor is fetched for real. Pending Follows are sent
      // again after 1 s, then every 2 s.
      instance.flushAndStart({
        config: { transcoding: { enabled: false }, federation: { followings: { resend_pending: { first: '1 second', max: '2 seconds' } } } },
        env: { NODE_EXTRA_CA_CERTS: tls.certFile }
      })
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
    await Promise.all([ instance.stop(), ...[ friend, origin, pending, subscribed, unknown, twin, forgetful ].map(f => f.server.stop()) ])
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

    it('sends a Follow that stays pending again, with the same id, and stops once it is accepted', async function () {
      // carol's subscription to `subscribed` (the test above) stays pending: its resends tick like a clock.
      const followsTo = (fake: FakeInstance, target: string) => receivedActivities(fake).filter(a => a.type === 'Follow' && a.object === target)
      const follows = () => followsTo(forgetful, forgetful.serverActor.url)
      const ticks = () => followsTo(subscribed, subscribed.channel.url).length
      await instance.api().post('/api/v1/server/following').set(asAdmin()).send({ hosts: [ forgetful.server.host ] }).expect(204)

      // The first Follow is lost (not answered); the second is accepted.
      const [ first, second ] = await waitUntil(async () => (follows().length >= 2 ? follows() : undefined), 15_000)
      expect(second.id).to.equal(first.id)
      const accept = await postToInbox(instance, { type: 'Accept', id: `${forgetful.serverActor.url}/accepts/1`, actor: forgetful.serverActor.url, object: second }, forgetful.serverActor)
      expect(accept.status).to.equal(204)
      await waitUntil(async () => (await instance.sql<{ state: string }>(
        'SELECT f.state FROM "actorFollow" f JOIN actor t ON t.id = f."targetActorId" WHERE t.url = $1', [ forgetful.serverActor.url ]))[0]?.state === 'accepted')

      // Two more rounds of resends reach the pending subscription, none the accepted follow.
      const tick = ticks()
      await waitUntil(async () => ticks() >= tick + 1, 15_000)
      const sent = follows().length
      await waitUntil(async () => ticks() >= tick + 3, 15_000)
      expect(follows()).to.have.length(sent)
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

    it('refuses an actor of the https origin of a host whose http origin is served here, and records it', async function () {
      const root = `${instance.url}/accounts/root`
      await fakeFollows(instance, twin.account, root)
      const secure = await twin.server.addActor('ivy', { path: '/accounts/ivy', origin: twin.server.tlsOrigin })
      expect(secure.url.startsWith('https://')).to.equal(true)

      // Signed and verified (its key is fetched over https): refused for its origin, not for its signature.
      const res = await postToInbox(instance, { type: 'Follow', id: `${secure.url}/follows/1`, actor: secure.url, object: root }, secure)
      expect(res.status, res.text).to.equal(403)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(await instance.sql('SELECT id FROM actor WHERE url = $1', [ secure.url ])).to.have.length(0)
      const [ conflict ] = (await conflicts('host-origin')).filter(c => c.claimantUrl === secure.url)
      expect(conflict).to.include({ identifier: twin.server.host, claimantUrl: secure.url, outcome: 'refused' })
      expect(conflict.holderUrl.startsWith(`${twin.server.origin}/`)).to.equal(true)

      // Another actor of the origin that holds the host is welcome.
      const neighbour = await twin.server.addActor('jan', { path: '/accounts/jan' })
      const welcome = await postToInbox(instance, { type: 'Follow', id: `${neighbour.url}/follows/1`, actor: neighbour.url, object: root }, neighbour)
      expect(welcome.status, welcome.text).to.equal(204)
    })

    it('refuses a WebFinger answer that points to another host: the handle is not followed, nothing of the other host is stored', async function () {
      // WebFinger of decoy@<friend's host> answers with the channel of another host (`pending`'s).
      friend.server.answerWebfinger('decoy', pending.channel.url)
      const before = receivedActivities(pending).length
      await instance.api().post('/api/v1/users/me/subscriptions').set(asUser()).send({ uri: `decoy@${friend.server.host}` }).expect(204)

      const failed = await waitUntil(async () => {
        const res = await instance.api().get('/api/v1/jobs/failed').query({ jobType: 'activitypub-follow', count: 100 }).set(asAdmin()).expect(200)
        return (res.body.data as { data: { name?: string }, error?: string }[]).find(j => j.data?.name === 'decoy')
      })
      expect(failed.error).to.match(/another host/)
      expect(receivedActivities(pending).slice(before).filter(a => a.type === 'Follow')).to.have.length(0)
      const follows = await instance.sql('SELECT f.id FROM "actorFollow" f JOIN actor t ON t.id = f."targetActorId" WHERE t.url = $1', [ pending.channel.url ])
      expect(follows).to.have.length(0)
    })

    it('lets an administrator give a uuid to its claimant: the two videos swap uuids, and the choice outlives an Update', async function () {
      const uuid = randomUUID()
      const squatter = fakeVideo(friend, { uuid, name: 'Squatter' })
      const real = fakeVideo(origin, { uuid, name: 'The trusted one' })
      await deliver(friend, squatter)
      await deliver(origin, real)
      const substitute = (await videoByUrl(real.id)).uuid
      const row = (await conflicts('video-uuid')).find(c => c.claimantUrl === real.id)!
      const choose = (holderUrl: string, id = row.id) =>
        instance.api().put(`/api/v1/server/identity-conflicts/${id}/holder`).set(asAdmin()).send({ holderUrl })

      // Neither of the two: refused, naming the field; a conflict about something else cannot be resolved so.
      const wrong = await choose(`${unknown.server.origin}/videos/watch/${uuid}`).expect(400)
      expect(wrong.headers['content-type']).to.match(/problem\+json/)
      await choose(real.id, 999_999).expect(404)

      const res = await choose(real.id).expect(200)
      expect(res.body).to.include({ holderUrl: real.id, claimantUrl: squatter.id, substitute, outcome: 'substitute-uuid' })
      expect(res.body.resolvedAt).to.be.a('string')
      expect((await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.name).to.equal('The trusted one')
      expect((await instance.api().get(`/api/v1/videos/${substitute}`).expect(200)).body.name).to.equal('Squatter')

      // Both origins update their videos: each keeps the uuid the administrator gave it.
      for (const [ fake, video, name ] of [ [ friend, squatter, 'Squatter, renamed' ], [ origin, real, 'Trusted, renamed' ] ] as const) {
        const update = { ...createOf(fake, { ...video, name }), type: 'Update', id: `${video.id}/updates/${randomUUID()}` }
        expect((await postToInbox(instance, update, fake.account)).status).to.equal(204)
      }
      await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${substitute}`)).body.name === 'Squatter, renamed')
      await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${uuid}`)).body.name === 'Trusted, renamed')
      // Choosing the holder again confirms it and moves nothing.
      await choose(real.id).expect(200)
      expect((await videoByUrl(real.id)).uuid).to.equal(uuid)

      // A local video keeps its uuid whatever is chosen.
      const localClaim = fakeVideo(friend, { uuid: localUuid, name: 'Claims a local uuid' })
      await deliver(friend, localClaim)
      const localRow = (await conflicts('video-uuid')).find(c => c.claimantUrl === localClaim.id)!
      await choose(localClaim.id, localRow.id).expect(409)
      expect((await instance.api().get(`/api/v1/videos/${localUuid}`).expect(200)).body.isLocal).to.equal(true)
    })

    it('shows conflicts to administrators only', async function () {
      await instance.api().get('/api/v1/server/identity-conflicts').expect(401)
      await instance.api().get('/api/v1/server/identity-conflicts').set(asUser()).expect(403)
      await instance.api().put('/api/v1/server/identity-conflicts/1/holder').send({ holderUrl: 'x' }).expect(401)
      await instance.api().put('/api/v1/server/identity-conflicts/1/holder').set(asUser()).send({ holderUrl: 'x' }).expect(403)
    })
  })

  const viewOfLocal = (fake: FakeInstance, id: string) =>
    ({ type: 'View', id, actor: fake.serverActor.url, object: `${instance.url}/videos/watch/${localUuid}` })

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

    it('counts at most 200 views per remote instance, video and hour, and the other instances\' still', async function () {
      this.timeout(240_000)
      const before = await localViews()
      const viewsFrom = (fake: FakeInstance, n: number) => ({
        type: 'OrderedCollection',
        id: `${fake.serverActor.url}/views-batch/${randomUUID()}`,
        actor: fake.serverActor.url,
        orderedItems: Array.from({ length: n }, () => viewOf(fake, `${fake.serverActor.url}/views/videos/${randomUUID()}`))
      })
      // `origin` sent no view of this video yet: 210 distinct viewers, 200 counted.
      for (const n of [ 100, 100, 10 ]) expect((await postToInbox(instance, viewsFrom(origin, n), origin.serverActor)).status).to.equal(204)
      // 210 inbox jobs of one actor, run in order: tens of seconds on a busy machine.
      await waitUntil(async () => (await localViews()) >= before + 200, 120_000)
      expect((await postToInbox(instance, viewsFrom(friend, 1), friend.serverActor)).status).to.equal(204)
      await waitUntil(async () => (await localViews()) === before + 201, 10_000)
      // The jobs of one actor run in order: a last marker of `origin`, processed, means all its views were.
      const marker = fakeVideo(origin, { name: 'After the views' })
      await deliver(origin, marker)
      expect(await localViews()).to.equal(before + 201)
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
      const update = await waitUntil(async () => receivedActivities(friend).find(a => a.type === 'Update' && a.object?.uuid === localUuid && a.object?.views === views), 60_000)
      expect(update.actor).to.equal(`${instance.url}/accounts/root`)
    })
  })
  describe('Replays by activity', function () {
    /** Delivers the same activity again, signed anew (another Date): a retried delivery, or a replay by its signer. */
    const resign = (activity: object, signer: FakeInstance['account'], minutesAgo: number) =>
      postToInbox(instance, activity, signer, { date: new Date(Date.now() - minutesAgo * 60_000) })
    /** Activities of one actor are processed in order: once this comment is stored, what the actor sent before was processed. */
    async function markerComment (fake: FakeInstance) {
      const id = `${fake.server.origin}/notes/${randomUUID()}`
      const note = { type: 'Note', id, attributedTo: fake.account.url, inReplyTo: `${instance.url}/videos/watch/${localUuid}`, content: 'marker', published: new Date().toISOString(), to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
      expect((await postToInbox(instance, { type: 'Create', id: `${id}/activity`, actor: fake.account.url, to: note.to, object: note }, fake.account)).status).to.equal(204)
      await waitUntil(async () => (await instance.sql('SELECT id FROM "videoComment" WHERE url = $1', [ id ])).length === 1)
    }

    it('processes an activity signed anew once: a comment keeps its last edit, a view, a rating and a report count once', async function () {
      const localVideo = `${instance.url}/videos/watch/${localUuid}`
      const commentText = async (url: string) => (await instance.sql<{ text: string }>('SELECT text FROM "videoComment" WHERE url = $1', [ url ]))[0]?.text
      const local = async () => (await instance.api().get(`/api/v1/videos/${localUuid}`).expect(200)).body as { views: number, likes: number }
      const reportsOf = async (activityId: string) => (await instance.sql('SELECT id FROM abuse WHERE "activityUrl" = $1', [ activityId ])).length

      // A comment, then its edit; the Create delivered again must not bring the first text back.
      const noteId = `${friend.server.origin}/notes/${randomUUID()}`
      const note = { type: 'Note', id: noteId, attributedTo: friend.account.url, inReplyTo: localVideo, content: 'First words', published: new Date().toISOString(), to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
      const create = { type: 'Create', id: `${noteId}/activity`, actor: friend.account.url, to: note.to, object: note }
      expect((await postToInbox(instance, create, friend.account)).status).to.equal(204)
      await waitUntil(async () => (await commentText(noteId)) === 'First words')
      const edit = { type: 'Update', id: `${noteId}/updates/1`, actor: friend.account.url, to: note.to, object: { ...note, content: 'Edited words', updated: new Date().toISOString() } }
      expect((await postToInbox(instance, edit, friend.account)).status).to.equal(204)
      await waitUntil(async () => (await commentText(noteId)) === 'Edited words')

      // The comment edited twice: its first edit delivered again must not undo the second.
      const edit2 = { ...edit, id: `${noteId}/updates/2`, object: { ...edit.object, content: 'Edited twice' } }
      expect((await postToInbox(instance, edit2, friend.account)).status).to.equal(204)
      await waitUntil(async () => (await commentText(noteId)) === 'Edited twice')

      const before = await local()
      const view = viewOfLocal(friend, `${friend.serverActor.url}/views/videos/${randomUUID()}`)
      const like = { type: 'Like', id: `${friend.account.url}/likes/${randomUUID()}`, actor: friend.account.url, object: localVideo }
      const flag = { type: 'Flag', id: `${friend.account.url}/flags/${randomUUID()}`, actor: friend.account.url, object: [ localVideo ], content: 'Replayed report' }
      for (const [ activity, signer ] of [ [ view, friend.serverActor ], [ like, friend.account ], [ flag, friend.account ] ] as const) {
        expect((await postToInbox(instance, activity, signer)).status).to.equal(204)
      }
      await waitUntil(async () => (await reportsOf(flag.id)) === 1)

      // Everything again, signed anew: answered 204, and changing nothing.
      for (const [ activity, signer ] of [ [ create, friend.account ], [ edit, friend.account ], [ like, friend.account ], [ flag, friend.account ] ] as const) {
        for (const minutesAgo of [ 1, 2 ]) expect((await resign(activity, signer, minutesAgo)).status).to.equal(204)
      }
      for (const minutesAgo of [ 1, 2 ]) expect((await resign(view, friend.serverActor, minutesAgo)).status).to.equal(204)
      await markerComment(friend)
      await waitUntil(async () => (await local()).views === before.views + 1)

      expect(await commentText(noteId)).to.equal('Edited twice')
      expect(await local()).to.include({ views: before.views + 1, likes: before.likes + 1 })
      expect(await reportsOf(flag.id)).to.equal(1)
    })

    it('ignores a video Update older than the copy it holds, even signed anew; an equal one still refreshes the counts', async function () {
      const nameOf = async (url: string) => (await instance.sql<{ name: string, views: number }>('SELECT name, views FROM video WHERE url = $1', [ url ]))[0]
      const created = fakeVideo(friend, { name: 'Version 0' })
      const at = (minutes: number) => new Date(Date.parse(created.published) + minutes * 60_000).toISOString()
      const updateOf = (object: Record<string, unknown>) =>
        ({ type: 'Update', id: `${created.id}/updates/${String(object.updated)}`, actor: friend.account.url, to: created.to, object })
      const original = { ...created, updated: at(0) }
      await deliver(friend, original)

      const v1 = updateOf({ ...created, name: 'Version 1', updated: at(1) })
      const v2 = updateOf({ ...created, name: 'Version 2', updated: at(2) })
      for (const [ update, name ] of [ [ v1, 'Version 1' ], [ v2, 'Version 2' ] ] as const) {
        expect((await postToInbox(instance, update, friend.account)).status).to.equal(204)
        await waitUntil(async () => (await nameOf(created.id)).name === name)
      }
      // The same `updated` with new counters (PeerTube's refresh of likes and views) is applied.
      const counters = updateOf({ ...v2.object, views: 7 })
      expect((await postToInbox(instance, counters, friend.account)).status).to.equal(204)
      await waitUntil(async () => (await nameOf(created.id)).views === 7)

      expect((await resign(v1, friend.account, 1)).status).to.equal(204)
      await markerComment(friend)
      expect(await nameOf(created.id)).to.deep.equal({ name: 'Version 2', views: 7 })
    })

    it('ignores a playlist Update older than the copy it holds, even signed anew', async function () {
      const nameOf = async (url: string) => (await instance.sql<{ name: string }>('SELECT name FROM "videoPlaylist" WHERE url = $1', [ url ]))[0]?.name
      const playlist = fakePlaylist(friend, { name: 'List 0' })
      const updateOf = (name: string, minutes: number) => ({
        type: 'Update', id: `${playlist.id}/updates/${minutes}`, actor: friend.account.url, to: playlist.to,
        object: { ...playlist, name, updated: new Date(Date.parse(playlist.updated) + minutes * 60_000).toISOString() }
      })
      expect((await postToInbox(instance, createOf(friend, playlist), friend.account)).status).to.equal(204)
      await waitUntil(async () => (await nameOf(playlist.id)) === 'List 0')
      for (const [ minutes, name ] of [ [ 1, 'List 1' ], [ 2, 'List 2' ] ] as const) {
        expect((await postToInbox(instance, updateOf(name, minutes), friend.account)).status).to.equal(204)
        await waitUntil(async () => (await nameOf(playlist.id)) === name)
      }
      expect((await resign(updateOf('List 1', 1), friend.account, 1)).status).to.equal(204)
      await markerComment(friend)
      expect(await nameOf(playlist.id)).to.equal('List 2')
    })

    it('ignores a comment Update older than the text it holds, even with new words the replay memory never saw', async function () {
      const commentText = async (url: string) => (await instance.sql<{ text: string }>('SELECT text FROM "videoComment" WHERE url = $1', [ url ]))[0]?.text
      const noteId = `${friend.server.origin}/notes/${randomUUID()}`
      const published = new Date(Date.now() - 10 * 60_000)
      const at = (minutes: number) => new Date(published.getTime() + minutes * 60_000).toISOString()
      const note = { type: 'Note', id: noteId, attributedTo: friend.account.url, inReplyTo: `${instance.url}/videos/watch/${localUuid}`, content: 'Words 0', published: at(0), to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
      const updateOf = (content: string, minutes: number) =>
        ({ type: 'Update', id: `${noteId}/updates/${randomUUID()}`, actor: friend.account.url, to: note.to, object: { ...note, content, updated: at(minutes) } })
      expect((await postToInbox(instance, { type: 'Create', id: `${noteId}/activity`, actor: friend.account.url, to: note.to, object: note }, friend.account)).status).to.equal(204)
      await waitUntil(async () => (await commentText(noteId)) === 'Words 0')
      for (const [ minutes, content ] of [ [ 1, 'Words 1' ], [ 2, 'Words 2' ] ] as const) {
        expect((await postToInbox(instance, updateOf(content, minutes), friend.account)).status).to.equal(204)
        await waitUntil(async () => (await commentText(noteId)) === content)
      }
      // Late or replayed versions, each with content no fingerprint remembers: the older `updated` alone refuses them.
      expect((await resign(updateOf('Words 1 (late)', 1), friend.account, 1)).status).to.equal(204)
      expect((await postToInbox(instance, { type: 'Create', id: `${noteId}/activity`, actor: friend.account.url, to: note.to, object: { ...note, content: 'Words 0 (again)' } }, friend.account)).status).to.equal(204)
      await markerComment(friend)
      expect(await commentText(noteId)).to.equal('Words 2')
      // A newer edit still goes through.
      expect((await postToInbox(instance, updateOf('Words 3', 3), friend.account)).status).to.equal(204)
      await waitUntil(async () => (await commentText(noteId)) === 'Words 3')
    })

    it('still processes a Like sent again after its Undo (PeerTube reuses the ids of ratings)', async function () {
      const localVideo = `${instance.url}/videos/watch/${localUuid}`
      const likes = async () => ((await instance.api().get(`/api/v1/videos/${localUuid}`).expect(200)).body.likes as number)
      const before = await likes()
      const like = { type: 'Like', id: `${origin.account.url}/likes/7`, actor: origin.account.url, object: localVideo }
      const undo = { type: 'Undo', id: `${like.id}/undo`, actor: origin.account.url, object: like }
      for (const [ i, [ activity, expected ] ] of ([ [ like, before + 1 ], [ undo, before ], [ like, before + 1 ] ] as const).entries()) {
        expect((await resign(activity, origin.account, i + 1)).status).to.equal(204)
        await waitUntil(async () => (await likes()) === expected)
      }
    })
  })
})
