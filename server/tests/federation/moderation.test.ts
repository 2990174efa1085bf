import { join } from 'node:path'
import { expect } from 'chai'
import { signatureFingerprint, signRequest, withActivityPubContext } from '../../helpers/activitypub/index.js'
import { auth, createUser, type CreatedUser } from '../api/shared/users.js'
import { TestInstance } from '../shared/test-instance.js'
import { firstChannelId, uploadVideo, waitForLadder } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FakeRemoteServer } from './shared/fake-remote-server.js'
import { follow, waitForFollow } from './shared/follows.js'
import { FAST_TRANSCODING, findVideo, waitForDeliveries, waitForNoVideo, waitForVideo } from './shared/remote-videos.js'

describe('Moderation across instances: Flags, mutes, unfederated and auto-blocked videos, instance blocks', function () {
  const a = new TestInstance(1)
  const b = new TestInstance(2)
  const stranger = new FakeRemoteServer()
  let dir: string
  let clip: string
  let viewer: CreatedUser
  let muter: CreatedUser
  let bVideo: string

  async function publish (instance: TestInstance, name: string, user?: CreatedUser) {
    const res = await uploadVideo(instance, clip, {
      name,
      token: user?.token,
      channelId: await firstChannelId(instance, user?.username ?? 'root')
    })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    await waitForLadder(instance, res.body.video.uuid, [ 240 ], { timeoutMs: 60_000 })
    return res.body.video.uuid as string
  }

  async function listedUuids (instance: TestInstance, token?: string) {
    const req = instance.api().get('/api/v1/videos').query({ count: 100 })
    if (token) req.set(auth(token))
    return ((await req.expect(200)).body.data as { uuid: string }[]).map(v => v.uuid)
  }

  /** The replay fingerprint an inbox keeps of a request with these signed headers (Node lower-cases their names). */
  function fingerprintOf (headers: Record<string, string>) {
    return signatureFingerprint(Object.fromEntries(Object.entries(headers).map(([ name, value ]) => [ name.toLowerCase(), value ])))
  }

  /** A signed POST to A's shared inbox, as an actor whose key we hold. */
  async function postToInboxOfA (activity: Record<string, unknown>, signer: { url: string, privateKeyPem: string }) {
    const body = JSON.stringify(withActivityPubContext(activity, 'Follow'))
    const headers = await signRequest({ method: 'POST', url: `${a.url}/inbox`, body, privateKeyPem: signer.privateKeyPem, keyId: signer.url })
    const res = await a.api().post('/inbox').set('Content-Type', 'application/activity+json').set(headers).send(body)
    return Object.assign(res, { fingerprint: fingerprintOf(headers) })
  }

  /** What A kept of a request: its signature (replay memory) and inbox jobs for its activity. */
  async function storedOnA (fingerprint: string, activityId: string) {
    const signatures = await a.sql('SELECT id FROM "receivedSignature" WHERE fingerprint = $1', [ fingerprint ])
    const jobs = await a.sql('SELECT id FROM "outboxEntry" WHERE payload->\'activity\'->>\'id\' = $1', [ activityId ])
    return signatures.length + jobs.length
  }

  async function waitForInboxJobs (instance: TestInstance) {
    await waitUntil(async () => {
      for (const state of [ 'active', 'waiting', 'delayed' ]) {
        const res = await instance.api().get(`/api/v1/jobs/${state}`).query({ jobType: 'activitypub-inbox' }).set(auth(instance.accessToken)).expect(200)
        if (res.body.total !== 0) return false
      }
      return true
    }, 30_000)
  }

  before(async function () {
    dir = await makeTempDir('federation-moderation')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2, fps: 25 })
    await Promise.all([ a.flushAndStart({ config: FAST_TRANSCODING }), b.flushAndStart({ config: FAST_TRANSCODING }), stranger.start() ])

    await Promise.all([ follow(a, { hosts: [ b.host ] }), follow(b, { hosts: [ a.host ] }) ])
    await Promise.all([ waitForFollow(a, 'following', b.host, 'accepted'), waitForFollow(b, 'following', a.host, 'accepted') ])
    ;[ viewer, muter ] = await Promise.all([ createUser(a, 'viewer'), createUser(a, 'muter') ])

    bVideo = await publish(b, 'Video of B')
    await waitForVideo(a, bVideo)
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop(), stranger.stop() ])
    await removeDir(dir)
  })

  it('forwards a report on a remote video to its origin as a Flag from the server actor, listed by the origin\'s moderators', async function () {
    const res = await a.api().post('/api/v1/abuses').set(auth(viewer.token))
      .send({ reason: 'Misleading title', predefinedReasons: [ 'spamOrMisleading', 'rights' ], video: { id: bVideo, startAt: 0, endAt: 1 } })
      .expect(200)
    const here = await a.api().get('/api/v1/abuses').set(auth(a.accessToken)).query({ id: res.body.abuse.id }).expect(200)
    expect(here.body.data[0].reporterAccount.name).to.equal('viewer')

    const received = await waitUntil(async () => {
      const list = await b.api().get('/api/v1/abuses').set(auth(b.accessToken)).query({ filter: 'video' }).expect(200)
      return list.body.data[0]
    }, 30_000)
    expect(received).to.deep.include({ reason: 'Misleading title', predefinedReasons: [ 'spamOrMisleading', 'rights' ] })
    expect(received.video).to.deep.include({ uuid: bVideo, startAt: 0, endAt: 1, deleted: false })
    // The reporter is the instance, not the user: the other side learns nothing about who reported.
    expect(received.reporterAccount).to.deep.include({ name: 'peertube', host: a.host })
    expect(received.flaggedAccount).to.deep.include({ name: 'root', host: b.host })
  })

  it('forwards a report on a remote account, and a Flag delivered again makes no second report', async function () {
    const account = await a.api().get(`/api/v1/accounts/root@${b.host}`).expect(200)
    const res = await a.api().post('/api/v1/abuses').set(auth(viewer.token)).send({ reason: 'Impersonation', account: { id: account.body.id } }).expect(200)
    const accountReports = async () => (await b.api().get('/api/v1/abuses').set(auth(b.accessToken)).query({ filter: 'account' }).expect(200)).body
    await waitUntil(async () => (await accountReports()).total === 1, 30_000)
    expect((await accountReports()).data[0].flaggedAccount).to.deep.include({ name: 'root', host: b.host })

    // The same Flag again, newly signed (as a retried delivery would be): B keeps its one report.
    const [ key ] = await a.sql<{ privateKey: string, url: string }>('SELECT "privateKey", url FROM actor WHERE "preferredUsername" = \'peertube\' AND "serverId" IS NULL')
    const flag = withActivityPubContext({
      type: 'Flag', id: `${a.url}/admin/abuses/${res.body.abuse.id}`, actor: key.url, to: [ `${b.url}/accounts/root` ], cc: [],
      content: 'Impersonation', mediaType: 'text/markdown', object: `${b.url}/accounts/root`, tag: []
    }, 'Flag')
    const body = JSON.stringify(flag)
    const headers = await signRequest({ method: 'POST', url: `${b.url}/inbox`, body, privateKeyPem: key.privateKey, keyId: key.url })
    await b.api().post('/inbox').set('Content-Type', 'application/activity+json').set(headers).send(body).expect(204)
    // B kept it (what the blocked-server test below checks is absent): its signature and its inbox job.
    expect(await b.sql('SELECT id FROM "receivedSignature" WHERE fingerprint = $1', [ fingerprintOf(headers) ])).to.have.length(1)
    await waitForInboxJobs(b)
    expect((await accountReports()).total).to.equal(1)
  })

  it('hides a remote account a user muted from that user only', async function () {
    await a.api().post('/api/v1/users/me/blocklist/accounts').set(auth(muter.token)).send({ accountName: `root@${b.host}` }).expect(204)
    expect(await listedUuids(a, muter.token)).to.not.include(bVideo)
    expect(await listedUuids(a, viewer.token)).to.include(bVideo)
    expect(await listedUuids(a)).to.include(bVideo)
    await a.api().delete(`/api/v1/users/me/blocklist/accounts/root@${b.host}`).set(auth(muter.token)).expect(204)

    await a.api().post('/api/v1/users/me/blocklist/servers').set(auth(muter.token)).send({ host: b.host }).expect(204)
    expect(await listedUuids(a, muter.token)).to.not.include(bVideo)
    expect(await listedUuids(a, viewer.token)).to.include(bVideo)
    await a.api().delete(`/api/v1/users/me/blocklist/servers/${b.host}`).set(auth(muter.token)).expect(204)
    expect(await listedUuids(a, muter.token)).to.include(bVideo)
  })

  it('deletes an unfederated blocked video from followers, and sends it again once unblocked', async function () {
    const uuid = await publish(a, 'Video of A')
    await waitForVideo(b, uuid)

    await a.api().post(`/api/v1/videos/${uuid}/blacklist`).set(auth(a.accessToken)).send({ reason: 'Needs review', unfederate: true }).expect(204)
    await waitForNoVideo(b, uuid)
    await a.api().get(`/videos/watch/${uuid}`).set('Accept', 'application/activity+json').expect(404)

    await a.api().delete(`/api/v1/videos/${uuid}/blacklist`).set(auth(a.accessToken)).expect(204)
    await waitForVideo(b, uuid)
  })

  it('keeps a new user\'s auto-blocked upload from followers and lists until a moderator accepts it', async function () {
    await a.api().put('/api/v1/config/custom').set(auth(a.accessToken)).send({ autoBlacklist: { videos: { ofUsers: { enabled: true } } } }).expect(200)
    const newcomer = await createUser(a, 'newcomer')
    const uuid = await publish(a, 'Held video', newcomer)

    const blocks = await a.api().get('/api/v1/videos/blacklist').set(auth(a.accessToken)).query({ type: 2 }).expect(200)
    expect(blocks.body.data.map((block: any) => block.video.uuid)).to.deep.equal([ uuid ])
    expect(await listedUuids(a, viewer.token)).to.not.include(uuid)
    await waitForDeliveries(a)
    expect(await findVideo(b, uuid)).to.equal(undefined)

    await a.api().delete(`/api/v1/videos/${uuid}/blacklist`).set(auth(a.accessToken)).expect(204)
    expect(await listedUuids(a, viewer.token)).to.include(uuid)
    await waitForVideo(b, uuid)
    await a.api().put('/api/v1/config/custom').set(auth(a.accessToken)).send({ autoBlacklist: { videos: { ofUsers: { enabled: false } } } }).expect(200)
  })

  describe('An instance block of a server', function () {
    let bServerActorKey: string

    before(async function () {
      const [ row ] = await b.sql<{ privateKey: string }>('SELECT "privateKey" FROM actor WHERE "preferredUsername" = \'peertube\' AND "serverId" IS NULL')
      bServerActorKey = row.privateKey
      await a.api().post('/api/v1/server/blocklist/servers').set(auth(viewer.token)).send({ host: b.host }).expect(403)
      await a.api().post('/api/v1/server/blocklist/servers').set(auth(a.accessToken)).send({ host: b.host }).expect(204)
    })

    it('hides the server\'s videos from everyone', async function () {
      expect(await listedUuids(a)).to.not.include(bVideo)
      expect(await listedUuids(a, viewer.token)).to.not.include(bVideo)
      const list = await a.api().get('/api/v1/server/blocklist/servers').set(auth(a.accessToken)).expect(200)
      expect(list.body.data.map((block: any) => block.blockedServer.host)).to.deep.equal([ b.host ])
    })

    it('refuses its activities with 403 and stores nothing, follows included', async function () {
      const actorUrl = `${b.url}/accounts/peertube`
      const follow = { type: 'Follow', id: `${actorUrl}/follows/blocked-1`, actor: actorUrl, object: `${a.url}/accounts/peertube` }
      const res = await postToInboxOfA(follow, { url: actorUrl, privateKeyPem: bServerActorKey })
      expect(res.status).to.equal(403)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(await storedOnA(res.fingerprint, follow.id)).to.equal(0)

      // A new video of B is refused at A's inbox: A never gets it.
      const uuid = await publish(b, 'Video of B after the block')
      await waitForDeliveries(b)
      expect(await findVideo(a, uuid)).to.equal(undefined)
    })

    it('refuses a server blocked before any contact without fetching its signer', async function () {
      const actor = await stranger.addActor('spammer')
      await a.api().post('/api/v1/server/blocklist/servers').set(auth(a.accessToken)).send({ host: stranger.host }).expect(204)

      const res = await postToInboxOfA({ type: 'Follow', id: `${actor.url}/follows/1`, actor: actor.url, object: `${a.url}/accounts/peertube` },
        { url: actor.url, privateKeyPem: actor.keys.privateKeyPem })
      expect(res.status).to.equal(403)
      expect(await a.sql('SELECT id FROM actor WHERE url = $1', [ actor.url ])).to.have.length(0)
    })

    it('delivers nothing to it any more', async function () {
      const uuid = await publish(a, 'Video of A after the block')
      expect(await listedUuids(a)).to.include(uuid)
      await waitForDeliveries(a)
      expect(await findVideo(b, uuid)).to.equal(undefined)
    })
  })
})
