import { expect } from 'chai'
import { up as followedChannelsMigration } from '../../../initializers/migrations/2310-followed-channels.js'
import { TestInstance } from '../../shared/test-instance.js'
import { runListIndexesMigration } from './shared/list-indexes-migration.js'

interface RemoteChannel { serverId: number, instanceActorId: number, accountActorId: number, channelActorId: number, channelId: number, videoUuid: string }

// Remote instances, channels, videos and follows are written straight into the database, as federation stores them
// (hosts on loopback ports nobody listens on): what is under test is what the database keeps from those rows —
// the "followedChannel" triggers — and what public lists show from it, whichever code path wrote the follow.
describe('Public lists show remote videos only through what the instance follows, kept in followedChannel', function () {
  const instance = new TestInstance(1)
  let serverActorId: number
  let nextPort = 19_401
  let remoteFollowerId: number

  const one = async <T extends Record<string, unknown>>(query: string, values: unknown[] = []) => (await instance.sql<T>(query, values))[0]

  async function remoteInstance () {
    const host = `127.0.0.1:${nextPort++}`
    const { id: serverId } = await one<{ id: number }>('INSERT INTO server (host, "createdAt", "updatedAt") VALUES ($1, now(), now()) RETURNING id', [ host ])
    const instanceActorId = await actor('Application', 'peertube', host, serverId)
    return { host, serverId, instanceActorId }
  }

  async function actor (type: string, name: string, host: string, serverId: number) {
    const url = `http://${host}/${type === 'Group' ? 'video-channels' : 'accounts'}/${name}`
    const row = await one<{ id: number }>(`
      INSERT INTO actor (type, "preferredUsername", url, "followersCount", "followingCount", "inboxUrl", "outboxUrl", "sharedInboxUrl",
        "followersUrl", "followingUrl", "serverId", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, 0, 0, $4, $5, $6, $7, $8, $9, now(), now()) RETURNING id`,
    [ type, name, url, `${url}/inbox`, `${url}/outbox`, `http://${host}/inbox`, `${url}/followers`, `${url}/following`, serverId ])
    return row.id
  }

  /** A remote account with one channel and one published public video in it. */
  async function remoteChannel (remote: { host: string, serverId: number, instanceActorId: number }, name: string, accountActorId?: number): Promise<RemoteChannel> {
    if (accountActorId === undefined) accountActorId = await actor('Person', name, remote.host, remote.serverId)
    const account = await one<{ id: number }>('SELECT id FROM account WHERE "actorId" = $1', [ accountActorId ]) ??
      await one<{ id: number }>('INSERT INTO account (name, "actorId", "createdAt", "updatedAt") VALUES ($1, $2, now(), now()) RETURNING id', [ name, accountActorId ])
    const channelActorId = await actor('Group', `${name}_channel`, remote.host, remote.serverId)
    const { id: channelId } = await one<{ id: number }>(
      'INSERT INTO "videoChannel" (name, "actorId", "accountId", "createdAt", "updatedAt") VALUES ($1, $2, $3, now(), now()) RETURNING id',
      [ `${name} channel`, channelActorId, account.id ])
    const { uuid: videoUuid } = await one<{ uuid: string }>(`
      INSERT INTO video (uuid, name, privacy, nsfw, duration, views, likes, dislikes, remote, url, "commentsEnabled", "downloadEnabled",
        "waitTranscoding", state, "channelId", "publishedAt", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), $1, 1, false, 60, 0, 0, 0, true, $2, true, true, false, 1, $3, now(), now(), now()) RETURNING uuid`,
    [ `Video of ${name}`, `http://${remote.host}/videos/watch/${name}`, channelId ])
    return { serverId: remote.serverId, instanceActorId: remote.instanceActorId, accountActorId, channelActorId, channelId, videoUuid }
  }

  async function follow (followerId: number, targetActorId: number, state = 'accepted') {
    const row = await one<{ id: number }>(`
      INSERT INTO "actorFollow" (state, url, score, "actorId", "targetActorId", "followResends", "createdAt", "updatedAt")
      VALUES ($1, $2, 20, $3, $4, 0, now(), now()) RETURNING id`, [ state, `http://localhost:9001/follows/${followerId}-${targetActorId}`, followerId, targetActorId ])
    return row.id
  }

  const setState = (followId: number, state: string) => instance.sql('UPDATE "actorFollow" SET state = $1 WHERE id = $2', [ state, followId ])
  const unfollow = (followId: number) => instance.sql('DELETE FROM "actorFollow" WHERE id = $1', [ followId ])

  async function followedChannels (actorId = serverActorId) {
    const rows = await instance.sql<{ channelId: number }>('SELECT "channelId" FROM "followedChannel" WHERE "actorId" = $1 ORDER BY 1', [ actorId ])
    return rows.map(r => r.channelId)
  }

  async function listed () {
    const res = await instance.api().get('/api/v1/videos').query({ count: 100, sort: '-publishedAt' }).expect(200)
    return new Set((res.body.data as { uuid: string }[]).map(v => v.uuid))
  }

  const ids = (...channels: RemoteChannel[]) => channels.map(c => c.channelId).sort((a, b) => a - b)

  before(async function () {
    await instance.flushAndStart()
    serverActorId = (await one<{ id: number }>('SELECT id FROM actor WHERE type = \'Application\' AND "serverId" IS NULL ORDER BY id LIMIT 1')).id
  })

  after(async function () {
    await instance.stop()
  })

  it('brings every channel of an instance once the instance\'s follow is accepted, and none while it is pending or rejected', async function () {
    const remote = await remoteInstance()
    const [ a, b ] = [ await remoteChannel(remote, 'alice'), await remoteChannel(remote, 'bob') ]
    const followId = await follow(serverActorId, remote.instanceActorId, 'pending')
    expect(await followedChannels()).to.deep.equal([])
    expect(await listed()).to.not.include(a.videoUuid)

    await setState(followId, 'accepted')
    expect(await followedChannels()).to.deep.equal(ids(a, b))
    const shown = await listed()
    expect(shown).to.include(a.videoUuid)
    expect(shown).to.include(b.videoUuid)

    await setState(followId, 'rejected')
    expect(await followedChannels()).to.deep.equal([])
    expect(await listed()).to.not.include(a.videoUuid)
    await unfollow(followId)
  })

  it('brings an account\'s channels for a follow of the account, and one channel for a follow of that channel', async function () {
    const remote = await remoteInstance()
    const carol = await remoteChannel(remote, 'carol')
    const carolSecond = await remoteChannel(remote, 'carol2', carol.accountActorId)
    const dave = await remoteChannel(remote, 'dave')

    const accountFollow = await follow(serverActorId, carol.accountActorId)
    expect(await followedChannels()).to.deep.equal(ids(carol, carolSecond))
    const channelFollow = await follow(serverActorId, dave.channelActorId)
    expect(await followedChannels()).to.deep.equal(ids(carol, carolSecond, dave))
    expect(await listed()).to.include(dave.videoUuid)

    await unfollow(accountFollow)
    await unfollow(channelFollow)
    expect(await followedChannels()).to.deep.equal([])
  })

  it('keeps a channel while another follow still reaches it, and lets it go with the last one', async function () {
    const remote = await remoteInstance()
    const erin = await remoteChannel(remote, 'erin')
    const instanceFollow = await follow(serverActorId, remote.instanceActorId)
    const channelFollow = await follow(serverActorId, erin.channelActorId)

    await unfollow(instanceFollow)
    expect(await followedChannels()).to.deep.equal(ids(erin))
    expect(await listed()).to.include(erin.videoUuid)
    await unfollow(channelFollow)
    expect(await followedChannels()).to.deep.equal([])
    expect(await listed()).to.not.include(erin.videoUuid)
  })

  it('brings a channel that appears on a followed instance, and drops a channel that is deleted', async function () {
    const remote = await remoteInstance()
    const followId = await follow(serverActorId, remote.instanceActorId)
    const frank = await remoteChannel(remote, 'frank')
    expect(await followedChannels()).to.deep.equal(ids(frank))
    expect(await listed()).to.include(frank.videoUuid)

    await instance.sql('DELETE FROM "videoChannel" WHERE id = $1', [ frank.channelId ])
    expect(await followedChannels()).to.deep.equal([])
    await unfollow(followId)
  })

  it('keeps nothing for remote followers: a remote instance following ours is no list\'s audience', async function () {
    const remote = await remoteInstance()
    remoteFollowerId = remote.instanceActorId
    await follow(remoteFollowerId, serverActorId)
    const localChannelActor = await one<{ actorId: number }>('SELECT "actorId" FROM "videoChannel" ORDER BY id LIMIT 1')
    await follow(remoteFollowerId, localChannelActor.actorId)
    expect(await followedChannels(remoteFollowerId)).to.deep.equal([])
  })

  it('lists a remote video of a channel nobody follows when a followed actor announced it, and not otherwise', async function () {
    const followed = await remoteInstance()
    const stranger = await remoteInstance()
    const gina = await remoteChannel(stranger, 'gina')
    const followId = await follow(serverActorId, followed.instanceActorId)
    expect(await listed()).to.not.include(gina.videoUuid)

    const video = await one<{ id: number }>('SELECT id FROM video WHERE uuid = $1', [ gina.videoUuid ])
    await instance.sql(`INSERT INTO "videoShare" (url, "actorId", "videoId", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, now(), now())`, [ 'http://stranger-share/announces/1', stranger.instanceActorId, video.id ])
    expect(await listed(), 'announced by an actor nobody follows').to.not.include(gina.videoUuid)

    await instance.sql(`INSERT INTO "videoShare" (url, "actorId", "videoId", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, now(), now())`, [ 'http://followed-share/announces/1', followed.instanceActorId, video.id ])
    expect(await listed(), 'announced by the followed instance').to.include(gina.videoUuid)

    await unfollow(followId)
    expect(await listed()).to.not.include(gina.videoUuid)
  })

  it('is filled by its migration from the follows already there, exactly as the triggers keep it', async function () {
    const remote = await remoteInstance()
    const [ hana, ivan ] = [ await remoteChannel(remote, 'hana'), await remoteChannel(remote, 'ivan') ]
    const other = await remoteInstance()
    const jo = await remoteChannel(other, 'jo')
    await follow(serverActorId, remote.instanceActorId)
    await follow(serverActorId, jo.accountActorId)
    await follow(serverActorId, (await remoteChannel(other, 'kim')).channelActorId, 'pending')
    const kept = await instance.sql('SELECT "actorId", "channelId" FROM "followedChannel" ORDER BY 1, 2')
    expect(await followedChannels()).to.deep.equal(ids(hana, ivan, jo))

    await instance.sql('DROP TABLE "followedChannel"')
    await runListIndexesMigration(instance.databaseName, followedChannelsMigration)
    expect(await instance.sql('SELECT "actorId", "channelId" FROM "followedChannel" ORDER BY 1, 2')).to.deep.equal(kept)
    expect(await listed()).to.include(hana.videoUuid)
  })
})
