import { randomUUID } from 'node:crypto'
import { FakeRemoteServer, type FakeActor, type FakeTls } from '../../federation/shared/fake-remote-server.js'
import type { TestInstance } from '../../shared/test-instance.js'
import { waitUntil } from '../../shared/wait.js'
import { postToInbox } from './signed-inbox.js'

/** A fake remote instance shaped like PeerTube: a server actor, one account and its channel. */
export interface FakeInstance {
  server: FakeRemoteServer
  serverActor: FakeActor
  account: FakeActor
  channel: FakeActor
}

export async function startFakeInstance (accountName = 'alice', options: { tls?: FakeTls } = {}): Promise<FakeInstance> {
  const server = new FakeRemoteServer()
  await server.start(options)
  const serverActor = await server.addActor('peertube', { type: 'Application', path: '/accounts/peertube' })
  const account = await server.addActor(accountName, { path: `/accounts/${accountName}` })
  const channel = await server.addActor(`${accountName}_channel`, { type: 'Group', ownerUrl: account.url, path: `/video-channels/${accountName}_channel` })
  return { server, serverActor, account, channel }
}

/**
 * `instance` follows the fake instance through its API (WebFinger, Follow delivered to the fake's inbox), and the
 * fake answers with a signed Accept: the follow ends up accepted, as with a real peer.
 */
export async function followFakeInstance (instance: TestInstance, fake: FakeInstance) {
  await instance.api().post('/api/v1/server/following').set('Authorization', `Bearer ${instance.accessToken}`)
    .send({ hosts: [ fake.server.host ] }).expect(204)
  const follow = await waitUntil(async () => receivedActivities(fake).find(a => a.type === 'Follow' && a.object === fake.serverActor.url))
  const accept = { type: 'Accept', id: `${fake.serverActor.url}/accepts/${randomUUID()}`, actor: fake.serverActor.url, object: follow }
  const res = await postToInbox(instance, accept, fake.serverActor)
  if (res.status !== 204) throw new Error(`Accept refused: ${res.status} ${res.text}`)
  await waitUntil(async () => {
    const rows = await instance.sql<{ state: string }>(
      'SELECT f.state FROM "actorFollow" f JOIN actor t ON t.id = f."targetActorId" WHERE t.url = $1', [ fake.serverActor.url ])
    return rows[0]?.state === 'accepted'
  })
}

/** A fake actor of the fake instance follows one of our actors (Follow, accepted at once by us). */
export async function fakeFollows (instance: TestInstance, follower: FakeActor, targetUrl: string) {
  const res = await postToInbox(instance, { type: 'Follow', id: `${follower.url}/follows/${randomUUID()}`, actor: follower.url, object: targetUrl }, follower)
  if (res.status !== 204) throw new Error(`Follow refused: ${res.status} ${res.text}`)
  await waitUntil(async () => {
    const rows = await instance.sql<{ state: string }>(
      'SELECT f.state FROM "actorFollow" f JOIN actor a ON a.id = f."actorId" WHERE a.url = $1', [ follower.url ])
    return rows[0]?.state === 'accepted'
  })
}

/** A minimal PeerTube-like Video object of the fake's channel, served at its id, ready to be sent in a Create. */
export function fakeVideo (fake: FakeInstance, options: { uuid?: string, name?: string, path?: string } = {}) {
  const uuid = options.uuid ?? randomUUID()
  const id = `${fake.server.origin}${options.path ?? `/videos/watch/${uuid}`}`
  const video = {
    type: 'Video',
    id,
    uuid,
    name: options.name ?? `Video ${uuid.slice(0, 8)}`,
    duration: 'PT5S',
    published: new Date().toISOString(),
    sensitive: false,
    commentsEnabled: true,
    downloadEnabled: true,
    waitTranscoding: false,
    state: 1,
    views: 0,
    to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
    cc: [ `${fake.account.url}/followers` ],
    attributedTo: [ { type: 'Person', id: fake.account.url }, { type: 'Group', id: fake.channel.url } ],
    url: [ { type: 'Link', mediaType: 'text/html', href: id } ],
    icon: []
  }
  fake.server.publish(new URL(id).pathname, { '@context': [ 'https://www.w3.org/ns/activitystreams' ], ...video })
  return video
}

export function createOf (fake: FakeInstance, video: { id: string } & Record<string, unknown>) {
  return { type: 'Create', id: `${video.id}/activity`, actor: fake.account.url, to: [ 'https://www.w3.org/ns/activitystreams#Public' ], object: video }
}

/** Every activity the fake instance received, in its shared inbox or its actors' inboxes. */
export function receivedActivities (fake: FakeInstance) {
  return fake.server.received.filter(r => r.path.endsWith('/inbox')).map(r => JSON.parse(r.body.toString('utf8')) as Record<string, any>)
}

/** A minimal PeerTube-like Playlist object of the fake's channel (no elements), served at its id. */
export function fakePlaylist (fake: FakeInstance, options: { name?: string } = {}) {
  const uuid = randomUUID()
  const id = `${fake.server.origin}/video-playlists/${uuid}`
  const now = new Date().toISOString()
  const playlist = {
    type: 'Playlist',
    id,
    uuid,
    name: options.name ?? `Playlist ${uuid.slice(0, 8)}`,
    published: now,
    updated: now,
    totalItems: 0,
    to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
    attributedTo: [ fake.channel.url ]
  }
  fake.server.publish(new URL(id).pathname, { '@context': [ 'https://www.w3.org/ns/activitystreams' ], ...playlist })
  return playlist
}
