import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { createLive, getBytes, getLive, pushRtmp, rtmpUrlOf } from '../../shared/live.js'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { RunnerProcess } from './shared/runner-process.js'
import { generateRegistrationToken, listRunnerJobs, RUNNERS_CONFIG } from './shared/runner-fixtures.js'

// Real runner processes (ours, and one that cheats) against a real instance. The cheating runner's case is the
// longest (six verified outputs): it runs with TUBELESS_RUNNERS=full (`npm run test:runners`); the refusal path itself
// is covered in the short form by runner-protocol.test.ts.
const FULL = process.env.TUBELESS_RUNNERS === 'full'

const execFileAsync = promisify(execFile)

describe('Runner processes: jobs spread, a killed runner, a cheating runner, lives', function () {
  // Limits for a loaded machine; on an idle one each case takes 15-45 s.
  this.timeout(300_000)
  const instance = new TestInstance(2)
  const runners: RunnerProcess[] = []
  let dir: string
  let shortClip: string
  let longClip: string
  let token: string

  const runner = (name: string, tampering = false) => {
    const process = new RunnerProcess(name, { url: instance.url, token, dir, tampering })
    runners.push(process)
    return process
  }
  const ensureRunning = async (name: string) => {
    if (!runners.some(r => r.name === name)) await runner(name).start()
  }
  const jobsOf = async (videoUUID: string) => (await listRunnerJobs(instance)).filter(j => j.privatePayload.videoUUID === videoUUID)

  before(async function () {
    dir = await makeTempDir('runner-processes')
    ;[ shortClip, longClip ] = await Promise.all([
      generateClip(join(dir, 'short.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 }),
      generateClip(join(dir, 'long.mp4'), { width: 640, height: 360, durationSeconds: 12, gop: 30 })
    ])
    await instance.flushAndStart({
      config: {
        ...RUNNERS_CONFIG,
        // A live runner's first contact after accepting is its first chunk (PeerTube's runner sends nothing before).
        remote_runners: { ...RUNNERS_CONFIG.remote_runners, stalled_jobs: { vod: '3 seconds', live: '10 seconds' } },
        // A 240p push: lives are transcoded to 240p and 144p, by a runner.
        live: { transcoding: { remote_runners: { enabled: true }, resolutions: { '144p': true, '360p': false, '720p': false } } }
      }
    })
    token = await generateRegistrationToken(instance)
  })

  after(async function () {
    await Promise.all(runners.map(r => r.stop()))
    await instance.stop()
    await removeDir(dir)
  })

  it('refuses every output of a cheating runner, disables it, and another runner does the jobs', async function () {
    if (!FULL) return this.skip()
    const cheater = runner('cheater', true)
    await cheater.start()
    const upload = await uploadVideo(instance, shortClip, { name: 'Cheated' })
    const uuid = upload.body.video.uuid as string

    // Each of the 3 jobs is refused once; at the third refusal in a row the runner is disabled.
    const [ cheaterRow ] = await waitUntil(async () => {
      const rows = await instance.sql<{ id: number, disabledReason: string | null, verificationFailures: number }>('SELECT id, "disabledReason", "verificationFailures" FROM runner WHERE name = \'cheater\'')
      return rows[0]?.disabledReason ? rows : undefined
    }, 180_000)
    expect(cheaterRow.verificationFailures).to.equal(3)
    // Its files carry another sound and other pictures: the sound, checked first, is what fails them.
    expect(cheaterRow.disabledReason).to.match(/failed verification.*(is not the source's|SSIM)/)
    const jobs = await jobsOf(uuid)
    expect(jobs.map(j => j.state.id)).to.deep.equal([ 1, 1, 1 ])
    const refused = await instance.sql<{ refusedRunnerIds: number[] }>('SELECT "refusedRunnerIds" FROM "runnerJob"')
    expect(refused.every(r => r.refusedRunnerIds.includes(cheaterRow.id))).to.equal(true)

    // Nothing the cheater made was published: only the local copy of the source plays.
    const before = await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)
    expect(before.body.files.map((f: { resolution: { id: number } }) => f.resolution.id)).to.deep.equal([ 360 ])

    await runner('honest-1').start()
    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 120_000 })
    expect((await jobsOf(uuid)).every(j => j.runner?.name === 'honest-1' && j.state.id === 3)).to.equal(true)
  })

  // Short form: the case below proves the spread too (both runners hold jobs of one video at once); this whole
  // ladder of its own runs with TUBELESS_RUNNERS=full.
  it('spreads the jobs of a video over two runners', async function () {
    if (!FULL) return this.skip()
    await Promise.all([ ensureRunning('honest-1'), ensureRunning('honest-2') ])
    const upload = await uploadVideo(instance, longClip, { name: 'Spread' })
    const uuid = upload.body.video.uuid as string
    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 180_000 })
    const names = new Set((await jobsOf(uuid)).map(j => j.runner?.name))
    expect([ ...names ].sort()).to.deep.equal([ 'honest-1', 'honest-2' ])
  })

  it('spreads the jobs of a video over two runners, and gives the job of a runner killed in the middle of it to the other', async function () {
    await Promise.all([ ensureRunning('honest-1'), ensureRunning('honest-2') ])
    const upload = await uploadVideo(instance, longClip, { name: 'Killed runner' })
    const uuid = upload.body.video.uuid as string
    const victim = runners.find(r => r.name === 'honest-1')!

    // Killed while it works on a job of the video and the other runner has taken one of its other jobs.
    const held = await waitUntil(async () => {
      const jobs = await jobsOf(uuid)
      const mine = jobs.find(j => j.state.id === 2 && j.runner?.name === 'honest-1')
      return mine && jobs.some(j => j !== mine && j.runner?.name === 'honest-2') ? mine : undefined
    }, 60_000, 50)
    victim.kill()

    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 180_000 })
    // The ladder can be whole before that job is (the fast-start copy stands for a rung): wait for the job itself.
    const finished = await waitUntil(async () => (await jobsOf(uuid)).find(j => j.uuid === held.uuid && j.state.id === 3), 180_000, 500)
    expect(finished.runner?.name).to.equal('honest-2')
    expect(finished.failures).to.equal(0)
  })
  const liveJobOf = async (uuid: string) => (await jobsOf(uuid)).find(j => j.type === 'live-rtmp-hls-transcoding')
  const sessionOf = async (uuid: string) => (await instance.sql<{ error: number | null, endingProcessed: boolean }>(
    'SELECT s.error, s."endingProcessed" FROM "videoLiveSession" s JOIN video v ON v.id = s."liveVideoId" WHERE v.uuid = $1', [ uuid ]))[0]
  const startLive = async (name: string, seconds: number, options: { saveReplay?: boolean } = {}) => {
    const { uuid } = (await createLive(instance, { name, ...options })).body.video
    const { streamKey } = await getLive(instance, uuid)
    const pushedAt = Date.now()
    const push = pushRtmp(rtmpUrlOf(instance, streamKey!), { seconds })
    const video = await waitUntil(async () => {
      const body = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
      return body.state.id === 1 && body.streamingPlaylists.length === 1 ? body : undefined
    }, 90_000, 200).catch(err => { throw new Error(`${(err as Error).message}\n${runners.map(r => `${r.name}: ${r.output.slice(-1500)}`).join('\n')}`) })
    return { uuid: uuid as string, push, playlist: video.streamingPlaylists[0] as { playlistUrl: string, segmentsSha256Url: string }, playingAfterMs: Date.now() - pushedAt }
  }

  it('streams a live through a runner: it pulls the RTMP push, viewers get its HLS, it stops at the stream\'s end, and the live becomes its replay', async function () {
    // The killed runner of the case above is back.
    await runners.find(r => r.name === 'honest-1')?.start()
    await ensureRunning('honest-2')
    const pushedSeconds = 14
    const { uuid, push, playlist, playingAfterMs } = await startLive('Live on a runner', pushedSeconds, { saveReplay: true })

    const job = (await liveJobOf(uuid))!
    expect(job.state.id).to.equal(2)
    expect(job.runner?.name).to.match(/^honest-/)

    // The runner's ladder (240p and 144p, MPEG-TS chunks), stored under the session's names and served.
    const master = (await instance.api().get(new URL(playlist.playlistUrl).pathname).expect(200)).text
    const variants = master.split('\n').filter(line => line.endsWith('.m3u8'))
    expect(variants).to.have.length(2)
    expect(variants.every(name => name.startsWith('live-'))).to.equal(true)
    const base = new URL(playlist.playlistUrl).pathname.replace(/[^/]+$/, '')
    const media = (await instance.api().get(base + variants[1]).expect(200)).text
    const segment = media.split('\n').find(line => line.endsWith('.ts'))!
    expect(segment).to.match(/^live-\d+-/)
    const bytes = await getBytes(instance, base + segment)
    const hashes = (await instance.api().get(new URL(playlist.segmentsSha256Url).pathname).expect(200)).body
    expect(hashes[segment]).to.equal(createHash('sha256').update(bytes).digest('hex'))
    const file = join(dir, 'live-chunk.ts')
    await writeFile(file, bytes)
    const { stdout } = await execFileAsync('ffprobe', [ '-v', 'error', '-show_entries', 'stream=codec_name,height', '-of', 'json', file ])
    const streams = JSON.parse(stdout).streams as { codec_name: string, height?: number }[]
    expect(streams.map(s => s.codec_name).sort()).to.deep.equal([ 'aac', 'h264' ])
    expect(streams.find(s => s.codec_name === 'h264')!.height).to.equal(144)

    // The push ends: the runner's input ends, it posts its success, the session ends without error.
    expect((await push.exited).code).to.equal(0)
    await waitUntil(async () => (await liveJobOf(uuid))?.state.id === 3, 60_000, 200)
    await waitUntil(async () => (await sessionOf(uuid))?.endingProcessed, 30_000, 200)
    expect((await sessionOf(uuid)).error).to.equal(null)

    // The replay is made of the runner's chunks of its top rung, kept although they left the live window: it is
    // published, decodes, and lasts as long as the push did from (at the latest) the moment the live played.
    const replay = await waitUntil(async () => {
      const body = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
      return body.state.id === 1 && !body.isLive && body.files.length !== 0 ? body : undefined
    }, 60_000, 200)
    const top = (replay.files as { resolution: { id: number }, fileUrl: string }[]).sort((a, b) => b.resolution.id - a.resolution.id)[0]
    const replayFile = join(dir, 'replay.mp4')
    await writeFile(replayFile, await getBytes(instance, new URL(top.fileUrl).pathname))
    const probed = JSON.parse((await execFileAsync('ffprobe', [ '-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', replayFile ])).stdout)
    expect(probed.streams.map((s: { codec_name: string }) => s.codec_name).sort()).to.deep.equal([ 'aac', 'h264' ])
    const duration = Number(probed.format.duration)
    expect(duration).to.be.within(pushedSeconds - playingAfterMs / 1000 - 1, pushedSeconds + 1)
    const decoded = await execFileAsync('ffmpeg', [ '-v', 'error', '-i', replayFile, '-f', 'null', '-' ])
    expect(decoded.stderr).to.equal('')
  })

  it('ends a live cleanly when its runner dies in the middle of it: the streamer is cut off, the error recorded', async function () {
    const { uuid, push } = await startLive('Runner dies', 120)
    const job = (await liveJobOf(uuid))!
    runners.find(r => r.name === job.runner?.name)!.kill()
    const killedAt = Date.now()

    // No contact for the live stall limit (10 s here): the job errors, and with it the session (RUNNER_JOB_ERROR);
    // the streamer is cut off rather than left pushing into nothing for the rest of its 120 s.
    const { stderr } = await push.exited
    expect(Date.now() - killedAt).to.be.below(40_000)
    expect(stderr).to.include('transcoding of this live failed')
    await waitUntil(async () => (await sessionOf(uuid))?.endingProcessed, 30_000, 200)
    expect((await sessionOf(uuid)).error).to.equal(6)
    expect((await liveJobOf(uuid))!.state.id).to.equal(4)
    expect((await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.state.id).to.equal(5)
  })
})
