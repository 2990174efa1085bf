import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { fromRoot } from '../../helpers/project-root.js'
import { TestInstance } from '../shared/test-instance.js'
import { createLive, getBytes, getLive, pushRtmp, rtmpUrlOf } from '../shared/live.js'
import { waitUntil } from '../shared/wait.js'
import { follow, waitForFollow } from './shared/follows.js'
import { waitForVideo } from './shared/remote-videos.js'

// Instance 1 follows instance 2, which streams a live: instance 1 sees it go live (Update), its players read it
// from instance 1's relay (each file fetched once from the origin, checked against the origin's hashes), the
// origin lists the relay, viewers on both count, and the end reaches instance 1.

describe('A federated live, played through a relay', function () {
  const follower = new TestInstance(1)
  const origin = new TestInstance(2)
  let uuid: string
  let push: ReturnType<typeof pushRtmp>

  before(async function () {
    await Promise.all([ follower, origin ].map(i => i.flushAndStart()))
    await follow(follower, { hosts: [ origin.host ] })
    await waitForFollow(follower, 'following', origin.host, 'accepted')
  })

  after(async function () {
    push?.stop()
    await Promise.all([ follower.stop(), origin.stop() ])
  })

  it('federates the waiting live with its live fields', async function () {
    uuid = (await createLive(origin, { name: 'Federated live', latencyMode: 2 })).body.video.uuid
    const remote = await waitForVideo(follower, uuid, v => v.isLive === true)
    expect(remote.state.id).to.equal(4)
    expect(remote.isLocal).to.equal(false)

    const object = (await origin.api().get(`/videos/watch/${uuid}`).set('Accept', 'application/activity+json').expect(200)).body
    expect(object).to.include({ isLiveBroadcast: true, liveSaveReplay: false, permanentLive: false, latencyMode: 2 })

    // The follower knows its settings (its players need the latency mode), never its key.
    const settings = await getLive(follower, uuid)
    expect(settings).to.include({ latencyMode: 2, saveReplay: false, permanentLive: false })
    expect(settings.streamKey).to.equal(undefined)
    expect(settings.rtmpUrl).to.equal(undefined)
  })

  it('shows it live on the follower, played from the follower\'s relay; the origin sends each file once', async function () {
    const { streamKey } = await getLive(origin, uuid)
    push = pushRtmp(rtmpUrlOf(origin, streamKey!), { seconds: 120 })
    const remote = await waitForVideo(follower, uuid, v => v.state?.id === 1 && v.streamingPlaylists?.length === 1, 25_000)
    const playlist = remote.streamingPlaylists[0]
    // The playlist URL stays the origin's (the P2P swarm id); the follower's relay is listed for its players.
    expect(playlist.playlistUrl).to.match(new RegExp(`^${origin.url}/static/streaming-playlists/hls/${uuid}/`))
    const relayBase = `${follower.url}/static/live-relay/${uuid}/`
    expect(playlist.redundancies).to.deep.equal([ { baseUrl: relayBase } ])

    const masterName = playlist.playlistUrl.split('/').pop()
    const relayPath = new URL(relayBase).pathname
    const master = (await follower.api().get(relayPath + masterName).expect(200)).text
    const originMaster = (await origin.api().get(new URL(playlist.playlistUrl).pathname).expect(200)).text
    expect(master).to.equal(originMaster)

    const mediaName = master.split('\n').find(line => line.endsWith('.m3u8'))!
    const media = await waitUntil(async () => {
      const text = (await follower.api().get(relayPath + mediaName).expect(200)).text
      return text.split('\n').filter(l => l.endsWith('.m4s')).length >= 2 ? text : undefined
    }, 15_000)
    const segments = media.split('\n').filter(l => l.endsWith('.m4s'))
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(media)![1]

    // Five viewers at once through the relay: each file leaves the origin once.
    const before = (await origin.api().get(`/api/v1/videos/live/${uuid}/traffic`).set('Authorization', `Bearer ${origin.accessToken}`).expect(200)).body
    const files = [ init, ...segments ]
    const fetched = await Promise.all(Array.from({ length: 5 }, () => Promise.all(files.map(name =>
      getBytes(follower, relayPath + name)))))
    const after = (await origin.api().get(`/api/v1/videos/live/${uuid}/traffic`).set('Authorization', `Bearer ${origin.accessToken}`).expect(200)).body

    const hashes = (await origin.api().get(new URL(playlist.segmentsSha256Url).pathname).expect(200)).body
    for (const [ i, name ] of files.entries()) {
      expect(createHash('sha256').update(fetched[0][i]).digest('hex')).to.equal(hashes[name])
      for (const copy of fetched) expect(copy[i].equals(fetched[0][i])).to.equal(true)
    }
    const oneCopy = fetched[0].reduce((sum, b) => sum + b.length, 0)
    const sentForFiles = after.bytesSent - before.bytesSent
    // Playlists and hashes the relay refreshed meanwhile are small; the media went out once, not five times.
    expect(sentForFiles).to.be.at.least(oneCopy)
    expect(sentForFiles).to.be.below(oneCopy * 1.5)

    // The relay announced itself: the origin lists it, for its players and swarms.
    const withRelay = await waitUntil(async () => {
      const traffic = (await origin.api().get(`/api/v1/videos/live/${uuid}/traffic`).set('Authorization', `Bearer ${origin.accessToken}`).expect(200)).body
      return traffic.relays.length === 1 ? traffic : undefined
    }, 10_000)
    expect(withRelay.relays[0].host).to.equal(follower.host)
    const originView = (await origin.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    expect(originView.streamingPlaylists[0].redundancies).to.deep.equal([ { baseUrl: relayBase } ])
  })

  it('counts viewers of both instances on the origin, and the follower shows the origin\'s count', async function () {
    await origin.api().post(`/api/v1/videos/${uuid}/views`).expect(204)
    await follower.api().post(`/api/v1/videos/${uuid}/views`).expect(204)
    await waitUntil(async () => (await origin.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.viewers === 2, 20_000)
    await waitUntil(async () => (await follower.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.viewers === 2, 20_000)
  })

  it('refuses a relayed file that does not match the origin\'s hash, and keeps nothing of it', async function () {
    // A segment the relay has not fetched yet is altered on the origin's disk after its hash was published.
    const remote = (await follower.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    const originBase = new URL(remote.streamingPlaylists[0].playlistUrl).pathname.replace(/[^/]+$/, '')
    const master = (await origin.api().get(new URL(remote.streamingPlaylists[0].playlistUrl).pathname).expect(200)).text
    const mediaName = master.split('\n').find(line => line.endsWith('.m3u8'))!
    const relayDir = join(fromRoot(follower.storageDir('cache')), 'live-relay', uuid)
    const newest = await waitUntil(async () => {
      const media = (await origin.api().get(originBase + mediaName).expect(200)).text
      const last = media.split('\n').filter(l => l.endsWith('.m4s')).pop()
      return last && !existsSync(join(relayDir, last)) ? last : undefined
    }, 15_000)
    const originFile = join(fromRoot(origin.storageDir('streaming_playlists')), 'hls', uuid, newest)
    const original = await readFile(originFile)
    await writeFile(originFile, Buffer.alloc(original.length, 7))

    const relayPath = `/static/live-relay/${uuid}/${newest}`
    for (let i = 0; i < 2; i++) {
      const res = await follower.api().get(relayPath)
      expect(res.status).to.equal(502)
      expect(res.headers['content-type']).to.match(/problem\+json/)
      expect(res.body.detail).to.include('segments-sha256')
    }
    expect(existsSync(join(relayDir, newest))).to.equal(false)

    // Not listed by the origin at all: refused too.
    const unknown = await follower.api().get(`/static/live-relay/${uuid}/not-a-segment.m4s`)
    expect(unknown.status).to.equal(404)
    expect(unknown.headers['content-type']).to.match(/problem\+json/)
  })

  it('tells the follower when the live ends', async function () {
    push.stop()
    await push.exited
    const ended = await waitForVideo(follower, uuid, v => v.state?.id === 5, 25_000)
    expect(ended.isLive).to.equal(true)
    await follower.api().get(`/static/live-relay/${uuid}/x.m3u8`).expect(404)
  })
})
