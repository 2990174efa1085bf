import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { createLive, getLive, pushRtmp, rtmpUrlOf } from '../../shared/live.js'
import { getVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'

// One instance, real RTMP pushes from ffmpeg: the ingest's refusals, the ladder and its playlists, a replay
// becoming a video, a permanent live's sessions, and the limits.

describe('Live streaming: RTMP ingest, HLS ladder, replays and limits', function () {
  const instance = new TestInstance(1)
  const certDir = mkdtempSync(join(tmpdir(), 'tubeless-rtmps-'))

  before(async function () {
    // A self-signed certificate for the RTMPS ingest (ffmpeg does not verify it by default, as OBS may not).
    execFileSync('openssl', [ 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem') ], { stdio: 'ignore' })
    await instance.flushAndStart({
      config: {
        live: {
          transcoding: { resolutions: { '0p': true } },
          rtmps: { enabled: true, key_file: join(certDir, 'key.pem'), cert_file: join(certDir, 'cert.pem') }
        }
      }
    })
  })

  after(async function () {
    await instance.stop()
    rmSync(certDir, { recursive: true, force: true })
  })

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  it('creates a live waiting for its stream, with its RTMP URL and key for its owner only', async function () {
    const res = await createLive(instance, { name: 'Waiting live' })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    const { uuid, shortUUID } = res.body.video
    expect(shortUUID).to.be.a('string')

    const live = await getLive(instance, uuid)
    expect(live.rtmpUrl).to.equal(`rtmp://localhost:${instance.rtmpPort}/live`)
    expect(live.streamKey).to.match(/^[0-9a-f-]{36}$/)
    expect(live).to.include({ saveReplay: false, permanentLive: false, latencyMode: 1 })
    const anonymous = await getLive(instance, uuid, null)
    expect(anonymous.streamKey).to.equal(undefined)
    expect(anonymous.rtmpUrl).to.equal(undefined)

    const video = (await getVideo(instance, uuid)).body
    expect(video.isLive).to.equal(true)
    expect(video.state.id).to.equal(4)
    await instance.api().put(`/api/v1/videos/${uuid}/watching`).set(auth()).send({ currentTime: 30 }).expect(204)
    // Anyone may open a waiting live's page, but it is not listed until it streams (PeerTube's rule).
    await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)
    const list = (await instance.api().get('/api/v1/videos').expect(200)).body
    expect(list.data.map((v: { uuid: string }) => v.uuid)).to.not.include(uuid)
  })

  it('refuses bad settings with the field named, and a wrong stream key at connect with the reason', async function () {
    const bad = await createLive(instance, { latencyMode: 7 as 1 })
    expect(bad.status).to.equal(400)
    expect(bad.headers['content-type']).to.match(/problem\+json/)
    expect(bad.body['invalid-params']).to.have.property('latencyMode')

    const push = pushRtmp(rtmpUrlOf(instance, 'not-a-key'), { seconds: 3 })
    const { code, stderr } = await push.exited
    expect(code).to.not.equal(0)
    expect(stderr).to.include('Invalid stream key')
  })

  it('takes a push over RTMPS too (TLS with the configured certificate), refusing a wrong key there as well; PUT /watching counts a viewer; LL-HLS files asked early are held', async function () {
    const { uuid } = (await createLive(instance, { name: 'Over TLS', latencyMode: 3 })).body.video
    const { streamKey, rtmpsUrl } = await getLive(instance, uuid)
    const port = instance.rtmpPort + 10
    expect(rtmpsUrl).to.equal(`rtmps://localhost:${port}/live`)

    const refused = await pushRtmp(`rtmps://127.0.0.1:${port}/live/not-a-key`, { seconds: 3 }).exited
    expect(refused.stderr).to.include('Invalid stream key')

    const push = pushRtmp(`rtmps://127.0.0.1:${port}/live/${streamKey}`, { seconds: 30 })
    await waitUntil(async () => (await getVideo(instance, uuid)).body.state.id === 1, 20_000, 200)
    await expectEarlyRequestsHeld(uuid)

    // PeerTube's older players report with PUT /watching: on a live, the position is the player's own clock (past
    // the live's duration of 0), so it counts the viewer instead of being refused or kept in the history.
    await instance.api().put(`/api/v1/videos/${uuid}/watching`).set(auth()).send({ currentTime: 42 }).expect(204)
    await waitUntil(async () => (await getVideo(instance, uuid)).body.viewers === 1, 12_000, 200)
    const history = (await instance.api().get('/api/v1/users/me/history/videos').set(auth()).expect(200)).body
    expect(history.data.map((v: { uuid: string }) => v.uuid)).to.not.include(uuid)
    push.stop()
    await push.exited
    await waitUntil(async () => (await getVideo(instance, uuid)).body.state.id === 5, 15_000)
  })

  it('streams: the ladder appears (fMP4 HLS, program date times, hashes), the live is listed, a second push is refused, the replay becomes a video', async function () {
    const { uuid } = (await createLive(instance, { name: 'Live with replay', saveReplay: true, replayPrivacy: 2 })).body.video
    const { streamKey } = await getLive(instance, uuid)
    const started = Date.now()
    const push = pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds: 9 })

    const live = await waitUntil(async () => {
      const video = (await getVideo(instance, uuid)).body
      return video.state.id === 1 && video.streamingPlaylists.length === 1 ? video : undefined
    }, 20_000, 100)
    const playableAfter = Date.now() - started
    expect(playableAfter).to.be.below(8_000)

    const second = pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds: 3 })
    expect((await second.exited).stderr).to.include('already being streamed')

    const playlist = live.streamingPlaylists[0]
    expect(playlist.files).to.deep.equal([])
    expect(playlist.p2pMediaLoaderInfohashes ?? []).to.be.an('array')
    const master = (await instance.api().get(new URL(playlist.playlistUrl).pathname).expect(200)).text
    // 240p (the enabled rung) and audio only (0p).
    expect(master.match(/#EXT-X-STREAM-INF/g)).to.have.length(2)
    expect(master).to.include('RESOLUTION=426x240')
    expect(master).to.match(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/)
    const mediaName = master.split('\n').find(line => line.endsWith('.m3u8'))!
    const base = new URL(playlist.playlistUrl).pathname.replace(/[^/]+$/, '')

    const media = (await instance.api().get(base + mediaName).expect(200)).text
    expect(media).to.include('#EXT-X-MAP:URI=')
    const pdt = /#EXT-X-PROGRAM-DATE-TIME:(.+)/.exec(media)![1]
    expect(Math.abs(Date.parse(pdt) - Date.now())).to.be.below(20_000)
    const segment = media.split('\n').find(line => line.endsWith('.m4s'))!
    const bytes = (await instance.api().get(base + segment).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => cb(null, Buffer.concat(chunks)))
    }).expect(200)).body as Buffer
    const hashes = (await instance.api().get(new URL(playlist.segmentsSha256Url).pathname).expect(200)).body
    expect(hashes[segment]).to.equal(createHash('sha256').update(bytes).digest('hex'))

    const listed = (await instance.api().get('/api/v1/videos').expect(200)).body
    expect(listed.data.find((v: { uuid: string }) => v.uuid === uuid)?.isLive).to.equal(true)

    expect((await push.exited).code).to.equal(0)
    // The live became its own replay (its live settings and sessions list go, as with PeerTube).
    const session = await waitUntil(async () => {
      const res = await instance.api().get(`/api/v1/videos/${uuid}/live-session`)
      return res.status === 200 && res.body.endingProcessed ? res.body : undefined
    }, 15_000)
    expect(session).to.include({ error: null, saveReplay: true })
    expect(session.replayVideo.uuid).to.equal(uuid)
    expect(session.endDate).to.be.a('string')
    await instance.api().get(`/api/v1/videos/live/${uuid}`).expect(404)
    // While it converts the replay is not hidden: those who may see it (it is unlisted) find it being transcoded.
    const converting = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    expect(converting).to.deep.include({ isLive: false, files: [] })
    expect(converting.state.id).to.equal(2)
    // Marked as a replay on its way, so that a page opened on it directly says so and waits for it.
    expect(converting.replayInPreparation).to.equal(true)

    // With the replay's privacy, transcoded by the normal ladder.
    const replay = await waitUntil(async () => {
      const video = (await getVideo(instance, uuid)).body
      return video.state.id === 1 && video.files.length !== 0 ? video : undefined
    }, 40_000)
    expect(replay.isLive).to.equal(false)
    expect(replay.privacy.id).to.equal(2)
    expect(replay.duration).to.be.within(5, 11)
    expect(replay).to.not.have.property('replayInPreparation')
  })

  /**
   * The part a small-latency playlist's preload hint names, asked the moment the part before it is listed (so about
   * half a second before ffmpeg writes it), and the segment in progress, are held until written: 200, not 404. A
   * segment far ahead is a 404 at once.
   */
  async function expectEarlyRequestsHeld (uuid: string) {
    const playlistUrl = (await getVideo(instance, uuid)).body.streamingPlaylists[0].playlistUrl
    const base = new URL(playlistUrl).pathname.replace(/[^/]+$/, '')
    const master = (await instance.api().get(new URL(playlistUrl).pathname).expect(200)).text
    const mediaName = master.split('\n').find(line => line.endsWith('.m3u8'))!
    const hintOf = (media: string) => /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="([^"]+)"/.exec(media)![1]
    const playlistAfter = async (hint: string) => {
      const [ , msn, part ] = /-(\d+)\.(\d+)\.m4s$/.exec(hint)!
      return (await instance.api().get(`${base}${mediaName}?_HLS_msn=${msn}&_HLS_part=${part}`).expect(200)).text
    }
    const media = await waitUntil(async () => {
      const text = (await instance.api().get(base + mediaName).expect(200)).text
      return text.includes('#EXT-X-PRELOAD-HINT') ? text : undefined
    }, 10_000, 100)

    const fresh = await playlistAfter(hintOf(media))
    const hinted = hintOf(fresh)
    expect(fresh.split('\n').filter(line => line.startsWith('#EXT-X-PART:') && line.includes(hinted))).to.deep.equal([])
    const asked = Date.now()
    const part = await instance.api().get(base + hinted)
    if (part.status !== 200) {
      const after = (await instance.api().get(base + mediaName)).text
      throw new Error(`${hinted}: ${part.status} after ${Date.now() - asked} ms; the playlist before:\n${fresh}\nafter:\n${after}`)
    }
    expect(Number(part.headers['content-length'])).to.be.above(0)

    const segments = fresh.split('\n').filter(line => line.endsWith('.m4s') && !line.startsWith('#'))
    const [ , prefix, last ] = /^(.+)-(\d+)\.m4s$/.exec(segments[segments.length - 1])!
    await instance.api().get(`${base}${prefix}-${Number(last) + 1}.m4s`).expect(200)
    const farAhead = Date.now()
    await instance.api().get(`${base}${prefix}-${Number(last) + 20}.m4s`).expect(404)
    expect(Date.now() - farAhead).to.be.below(1_000)
  }

  it('ends a session at max_duration with the reason the streamer sees; a permanent live waits again and keeps its key', async function () {
    await instance.api().put('/api/v1/config/custom').set(auth()).send({ live: { maxDuration: 4000 } }).expect(200)
    const { uuid } = (await createLive(instance, { name: 'Permanent', permanentLive: true, saveReplay: true })).body.video
    const { streamKey } = await getLive(instance, uuid)

    const push = pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds: 20 })
    const { code, stderr } = await push.exited
    expect(code).to.not.equal(0)
    expect(stderr).to.include('longer than the 4 s allowed')

    const sessions = await waitUntil(async () => {
      const res = await instance.api().get(`/api/v1/videos/live/${uuid}/sessions`).set(auth())
      return res.body.data?.[0]?.endingProcessed ? res.body.data : undefined
    }, 15_000)
    expect(sessions[0].error).to.equal(2)
    const video = (await getVideo(instance, uuid)).body
    expect(video.state.id).to.equal(4)
    expect(video.isLive).to.equal(true)
    expect((await getLive(instance, uuid)).streamKey).to.equal(streamKey)
    // The replay is a video of its own; the live stays.
    expect(sessions[0].replayVideo.uuid).to.not.equal(uuid)
    const replay = (await getVideo(instance, sessions[0].replayVideo.uuid)).body
    expect(replay.name).to.match(/^Permanent - /)
    await instance.api().put('/api/v1/config/custom').set(auth()).send({ live: { maxDuration: -1 } }).expect(200)
  })

  it('refuses a new live past max_user_lives, and a push past max_instance_lives', async function () {
    await instance.api().put('/api/v1/config/custom').set(auth()).send({ live: { maxUserLives: 1 } }).expect(200)
    const refused = await createLive(instance)
    expect(refused.status).to.equal(403)
    expect(refused.body.code).to.equal('max_user_lives_limit_reached')

    await instance.api().put('/api/v1/config/custom').set(auth()).send({ live: { maxUserLives: -1, maxInstanceLives: 0 } }).expect(200)
    const { streamKey } = await getLive(instance, (await instance.sql<{ uuid: string }>('SELECT uuid FROM video WHERE name = $1', [ 'Waiting live' ]))[0].uuid)
    const { code, stderr } = await pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds: 3 }).exited
    expect(code).to.not.equal(0)
    expect(stderr).to.include('its limit')
    await instance.api().put('/api/v1/config/custom').set(auth()).send({ live: { maxInstanceLives: 20 } }).expect(200)
  })
})
