import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { expect } from 'chai'
import { createLive, getBytes, getLive, pushRtmp, rtmpUrlOf } from '../../shared/live.js'
import { TestInstance } from '../../shared/test-instance.js'
import { getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { generateRegistrationToken, listRunnerJobs, RUNNERS_CONFIG } from './shared/runner-fixtures.js'

// PeerTube 6.3's own runner program (apps/peertube-runner) against us. It is not part of the project: this runs only
// when TUBELESS_PEERTUBE_RUNNER names its built entry point (dist/peertube-runner.js), e.g. one built with
// ../shared/tools/peertube-peer (`peertube-peer.sh runner`). TUBELESS_PEERTUBE_RUNNER_LOG=1 prints its log.
const PEERTUBE_RUNNER = process.env.TUBELESS_PEERTUBE_RUNNER

// PeerTube's runner reports progress every few seconds only: the stall limits are PeerTube's, but for lives. Its
// first contact after accepting a live is the first chunk, once every rung has a playlist: on a loaded machine that
// came after more than PeerTube's 30 s (the job then errored as stalled), so lives get a minute here.
const STALLS = { remote_runners: { ...RUNNERS_CONFIG.remote_runners, stalled_jobs: { vod: '2 minutes', live: '1 minute' } } }

describe('PeerTube\'s own runner program against Tubeless', function () {
  // Not in the timed suite: generous limits for a loaded machine.
  this.timeout(600_000)
  const webVideos = new TestInstance(1)
  const hlsOnly = new TestInstance(2)
  let dir: string
  let runner: ChildProcess | undefined
  let output = ''

  const runnerEnv = () => ({
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_STATE_HOME: join(dir, 'state')
  })

  const registered = new Set<TestInstance>()
  const registerWith = async (instance: TestInstance, name: string) => {
    registered.add(instance)
    const token = await generateRegistrationToken(instance)
    const register = spawn(process.execPath, [
      PEERTUBE_RUNNER!, '--id', 'tubeless', 'register', '--url', instance.url, '--registration-token', token, '--runner-name', name
    ], { env: runnerEnv(), stdio: [ 'ignore', 'pipe', 'pipe' ] })
    let registerOutput = ''
    register.stdout!.on('data', (chunk: Buffer) => { registerOutput += chunk.toString() })
    register.stderr!.on('data', (chunk: Buffer) => { registerOutput += chunk.toString() })
    const code = await new Promise<number | null>(resolve => register.on('close', resolve))
    expect(code, registerOutput).to.equal(0)
  }

  const expectAllDoneBy = async (instance: TestInstance, uuid: string, name: string) => {
    const jobs = (await listRunnerJobs(instance)).filter(j => j.privatePayload.videoUUID === uuid)
    expect(jobs.length).to.be.greaterThan(0)
    for (const job of jobs) {
      expect(job.state.id, job.error ?? '').to.equal(3)
      expect(job.runner?.name).to.equal(name)
    }
    return jobs
  }

  const withRunnerLog = (err: Error) => { throw new Error(`${err.message}\nrunner output:\n${output}`) }

  before(async function () {
    if (!PEERTUBE_RUNNER) return this.skip()
    dir = await makeTempDir('peertube-runner')
    await Promise.all([
      webVideos.flushAndStart({ config: { ...RUNNERS_CONFIG, ...STALLS, live: { transcoding: { remote_runners: { enabled: true }, resolutions: { '144p': true, '360p': false, '720p': false } } } } }),
      hlsOnly.flushAndStart({ config: { ...RUNNERS_CONFIG, ...STALLS, transcoding: { ...RUNNERS_CONFIG.transcoding, web_videos: { enabled: false }, hls: { enabled: true } } } })
    ])
    runner = spawn(process.execPath, [ PEERTUBE_RUNNER, '--id', 'tubeless', 'server' ], { env: runnerEnv(), stdio: [ 'ignore', 'pipe', 'pipe' ] })
    runner.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    runner.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    await waitUntil(async () => output.includes('IPC socket created'), 30_000, 100)
      .catch(err => { throw new Error(`PeerTube's runner did not start: ${(err as Error).message}\n${output}`) })
  })

  after(async function () {
    if (process.env.TUBELESS_PEERTUBE_RUNNER_LOG) console.log(output)
    runner?.kill('SIGTERM')
    if (!PEERTUBE_RUNNER) return
    await Promise.all([ webVideos.stop(), hlsOnly.stop() ])
    await removeDir(dir)
  })

  it('registers with a registration token and transcodes the ladder of an upload (web videos), which is published', async function () {
    await registerWith(webVideos, 'peertube-runner')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 })
    const upload = await uploadVideo(webVideos, clip, { name: 'Through PeerTube\'s runner' })
    expect(upload.status).to.equal(200)
    const uuid = upload.body.video.uuid as string

    await waitForLadder(webVideos, uuid, [ 360, 240, 144 ], { timeoutMs: 300_000 }).catch(withRunnerLog)
    const jobs = await expectAllDoneBy(webVideos, uuid, 'peertube-runner')
    expect(jobs.every(j => j.type === 'vod-web-video-transcoding')).to.equal(true)
  })

  it('does HLS jobs (HLS only) and the audio merge of an audio upload, their results verified and published', async function () {
    await registerWith(hlsOnly, 'peertube-runner-hls')
    const [ clip, song ] = await Promise.all([
      generateClip(join(dir, 'clip-hls.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 }),
      generateClip(join(dir, 'song.m4a'), { width: 0, height: 0, video: 'none', audio: 'aac', durationSeconds: 3 })
    ])
    const video = await uploadVideo(hlsOnly, clip, { name: 'HLS through PeerTube\'s runner' })
    const audio = await uploadVideo(hlsOnly, song, { name: 'Song through PeerTube\'s runner' })
    expect([ video.status, audio.status ]).to.deep.equal([ 200, 200 ])

    await waitForLadder(hlsOnly, video.body.video.uuid, [ 360, 240, 144 ], { web: false, timeoutMs: 300_000 }).catch(withRunnerLog)
    const hlsJobs = await expectAllDoneBy(hlsOnly, video.body.video.uuid, 'peertube-runner-hls')
    expect(hlsJobs.every(j => j.type === 'vod-hls-transcoding')).to.equal(true)

    const published = await waitUntil(async () => {
      const body = (await getVideo(hlsOnly, audio.body.video.uuid)).body
      const jobs = (await listRunnerJobs(hlsOnly)).filter(j => j.privatePayload.videoUUID === audio.body.video.uuid)
      return body.state?.id === 1 && jobs.length !== 0 && jobs.every(j => j.state.id === 3) ? body : undefined
    }, 300_000, 500).catch(withRunnerLog)
    expect(published.streamingPlaylists[0].files.length).to.be.greaterThan(0)
    const audioJobs = await expectAllDoneBy(hlsOnly, audio.body.video.uuid, 'peertube-runner-hls')
    expect(audioJobs.every(j => j.type === 'vod-audio-merge-transcoding')).to.equal(true)
  })
  it('transcodes a live (live-rtmp-hls-transcoding): it pulls the RTMP push, its HLS is served, it ends with the stream', async function () {
    if (!registered.has(webVideos)) await registerWith(webVideos, 'peertube-runner')
    const { uuid } = (await createLive(webVideos, { name: 'Live through PeerTube\'s runner' })).body.video
    const { streamKey } = await getLive(webVideos, uuid)
    const push = pushRtmp(rtmpUrlOf(webVideos, streamKey!), { seconds: 45 })
    const live = await waitUntil(async () => {
      const body = (await getVideo(webVideos, uuid)).body
      return body.state.id === 1 && body.streamingPlaylists.length === 1 ? body : undefined
    }, 120_000, 200).catch(withRunnerLog)

    const playlist = live.streamingPlaylists[0]
    const master = (await webVideos.api().get(new URL(playlist.playlistUrl).pathname).expect(200)).text
    const variants = master.split('\n').filter(line => line.endsWith('.m3u8'))
    expect(variants).to.have.length(2)
    const base = new URL(playlist.playlistUrl).pathname.replace(/[^/]+$/, '')
    const media = (await webVideos.api().get(base + variants[0]).expect(200)).text
    const segment = media.split('\n').find(line => line !== '' && !line.startsWith('#'))!
    const bytes = await getBytes(webVideos, base + segment)
    const hashes = (await webVideos.api().get(new URL(playlist.segmentsSha256Url).pathname).expect(200)).body
    expect(hashes[segment]).to.equal(createHash('sha256').update(bytes).digest('hex'))

    expect((await push.exited).code).to.equal(0)
    const [ job ] = (await listRunnerJobs(webVideos)).filter(j => j.privatePayload.videoUUID === uuid)
    expect(job.type).to.equal('live-rtmp-hls-transcoding')
    expect(job.runner?.name).to.equal('peertube-runner')
    await waitUntil(async () => (await listRunnerJobs(webVideos)).find(j => j.uuid === job.uuid)?.state.id === 3, 90_000, 500).catch(withRunnerLog)
    await waitUntil(async () => (await getVideo(webVideos, uuid)).body.state.id === 5, 60_000, 500)
    const [ session ] = await webVideos.sql<{ error: number | null }>('SELECT s.error FROM "videoLiveSession" s JOIN video v ON v.id = s."liveVideoId" WHERE v.uuid = $1', [ uuid ])
    expect(session.error).to.equal(null)
  })
})
