import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { encodeImpostor, encodeRung, generateRegistrationToken, listRunnerJobs, registerRunner, RUNNERS_CONFIG, type ListedRunnerJob } from './shared/runner-fixtures.js'

// A runner driven by hand over HTTP, to pin down each answer of the protocol (real runner processes are in
// runner-processes.test.ts). The full form (TUBELESS_RUNNERS=full) also kills the instance during a check.
const FULL = process.env.TUBELESS_RUNNERS === 'full'
// Jobs held by hand here stay held: no stall limit within the test's time.
const CONFIG = { ...RUNNERS_CONFIG, remote_runners: { ...RUNNERS_CONFIG.remote_runners, stalled_jobs: { vod: '10 minutes', live: '10 minutes' } } }

describe('Runner protocol: tokens, jobs, results refused or accepted', function () {
  const instance = new TestInstance(1)
  let dir: string
  let clip: string
  let registrationToken: string
  let alpha: { id: number, runnerToken: string }
  let beta: { id: number, runnerToken: string }
  let videoUUID: string
  let job: ListedRunnerJob
  let jobToken: string

  const admin = () => ({ Authorization: `Bearer ${instance.accessToken}` })
  const post = (path: string) => instance.api().post(`/api/v1/runners${path}`)

  before(async function () {
    dir = await makeTempDir('runner-protocol')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 })
    await instance.flushAndStart({ config: CONFIG })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('lets an administrator generate registration tokens, and nobody else', async function () {
    await post('/registration-tokens/generate').expect(401)
    registrationToken = await generateRegistrationToken(instance)
    expect(registrationToken).to.match(/^ptrrt-/)
  })

  it('registers runners with a registration token; a wrong one is 401, a missing name names the field', async function () {
    const wrong = await post('/register').send({ registrationToken: 'ptrrt-wrong', name: 'x' })
    expect(wrong.status).to.equal(401)
    expect(wrong.headers['content-type']).to.match(/problem\+json/)

    const nameless = await post('/register').send({ registrationToken })
    expect(nameless.status).to.equal(400)
    expect(nameless.body['invalid-params']).to.have.property('name')

    alpha = await registerRunner(instance, registrationToken, 'alpha')
    beta = await registerRunner(instance, registrationToken, 'beta')
    await post('/register').send({ registrationToken, name: 'alpha' }).expect(400)

    const list = await instance.api().get('/api/v1/runners').set(admin()).expect(200)
    expect(list.body.total).to.equal(2)
    expect(list.body.data[0]).to.include({ name: 'alpha', trusted: false, disabledReason: null })
    expect(list.body.data[0].lastContact).to.be.a('string')
    const tokens = await instance.api().get('/api/v1/runners/registration-tokens').set(admin()).expect(200)
    expect(tokens.body.data[0].registeredRunnersCount).to.equal(2)
  })

  it('answers a wrong runner token with 401 and PeerTube\'s code', async function () {
    const res = await post('/jobs/request').send({ runnerToken: 'ptrt-nope' })
    expect(res.status).to.equal(401)
    expect(res.body.code).to.equal('unknown_runner_token')
  })

  it('cuts the ladder of an upload into runner jobs, the fast-start copy staying local', async function () {
    const upload = await uploadVideo(instance, clip, { name: 'For the runners' })
    expect(upload.status).to.equal(200)
    videoUUID = upload.body.video.uuid

    const jobs = await waitUntil(async () => {
      const list = await listRunnerJobs(instance)
      return list.length === 3 ? list : undefined
    })
    expect(new Set(jobs.map(j => j.type))).to.deep.equal(new Set([ 'vod-web-video-transcoding' ]))
    // 360p too: the copy of the source exceeds that rung's bitrate cap, it only stands in until the rung is encoded.
    expect(jobs.map(j => j.payload.output.resolution).sort((a, b) => a - b)).to.deep.equal([ 144, 240, 360 ])
    // Published at once from the copy of the source, as without runners.
    const video = await instance.api().get(`/api/v1/videos/${videoUUID}`).expect(200)
    expect(video.body.state.id).to.equal(1)
    expect(video.body.files.map((f: { resolution: { id: number } }) => f.resolution.id)).to.deep.equal([ 360 ])

    const available = await post('/jobs/request').send({ runnerToken: alpha.runnerToken }).expect(200)
    expect(available.body.availableJobs).to.have.length(3)
    job = jobs.find(j => j.payload.output.resolution === 240)!
  })

  it('hands a job to one runner only, with a job token', async function () {
    const accepted = await post(`/jobs/${job.uuid}/accept`).send({ runnerToken: alpha.runnerToken }).expect(200)
    jobToken = accepted.body.job.jobToken
    expect(jobToken).to.match(/^ptrjt-/)
    expect(accepted.body.job.state.id).to.equal(2)

    const second = await post(`/jobs/${job.uuid}/accept`).send({ runnerToken: beta.runnerToken })
    expect(second.status).to.equal(409)
    expect(second.body.code).to.equal('runner_job_not_in_pending_state')
  })

  it('lets only the runner holding a job download its source and report on it', async function () {
    const input = (job.payload as unknown as { input: { videoFileUrl: string } }).input.videoFileUrl
    const path = new URL(input).pathname
    await instance.api().post(path).send({ runnerToken: beta.runnerToken, jobToken }).expect(404)
    const file = await instance.api().post(path).send({ runnerToken: alpha.runnerToken, jobToken }).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => cb(null, Buffer.concat(chunks)))
    }).expect(200)
    expect((file.body as Buffer).length).to.be.greaterThan(10_000)

    await post(`/jobs/${job.uuid}/update`).send({ runnerToken: alpha.runnerToken, jobToken, progress: 50 }).expect(204)
    const bad = await post(`/jobs/${job.uuid}/update`).send({ runnerToken: alpha.runnerToken, jobToken, progress: 500 })
    expect(bad.status).to.equal(400)
    expect(bad.body['invalid-params']).to.have.property('progress')
  })

  it('refuses a result for a job the runner does not hold, a file of the wrong type or size', async function () {
    const good = await encodeRung(clip, join(dir, 'rung-240.mp4'), 240, 30)

    await post(`/jobs/${job.uuid}/success`).field('runnerToken', beta.runnerToken).field('jobToken', jobToken)
      .attach('payload[videoFile]', good).expect(404)

    const text = join(dir, 'notes.txt')
    await writeFile(text, 'not a video')
    const wrongType = await post(`/jobs/${job.uuid}/success`).field('runnerToken', alpha.runnerToken).field('jobToken', jobToken).attach('payload[videoFile]', text)
    expect(wrongType.status).to.equal(415)
    expect(wrongType.body['invalid-params']).to.have.property('payload[videoFile]')

    const huge = join(dir, 'huge.mp4')
    await writeFile(huge, Buffer.alloc(8 * 1024 * 1024, 1))
    const tooBig = await post(`/jobs/${job.uuid}/success`).field('runnerToken', alpha.runnerToken).field('jobToken', jobToken).attach('payload[videoFile]', huge)
    expect(tooBig.status).to.equal(413)

    const missing = await post(`/jobs/${job.uuid}/success`).field('runnerToken', alpha.runnerToken).field('jobToken', jobToken)
    expect(missing.status).to.equal(400)
    expect(missing.body['invalid-params']).to.have.property('payload[videoFile]')
    // Still held by alpha: none of these changed it.
    const [ row ] = await instance.sql<{ state: number, runnerId: number }>('SELECT state, "runnerId" FROM "runnerJob" WHERE uuid = $1', [ job.uuid ])
    expect(row).to.deep.equal({ state: 2, runnerId: alpha.id })
  })

  it('refuses an output that fails the spot check, queues the job for another runner and marks the runner', async function () {
    const impostor = await encodeImpostor(4, join(dir, 'impostor.mp4'), 240, 30, 426)
    // The success is answered at once: the output is held (COMPLETING) and checked by a job.
    const posted = Date.now()
    await post(`/jobs/${job.uuid}/success`).field('runnerToken', alpha.runnerToken).field('jobToken', jobToken).attach('payload[videoFile]', impostor).expect(204)
    expect(Date.now() - posted).to.be.below(3_000)

    const row = await waitUntil(async () => {
      const [ found ] = await instance.sql<{ state: number, failures: number, refusedRunnerIds: number[], error: string | null }>('SELECT state, failures, "refusedRunnerIds", error FROM "runnerJob" WHERE uuid = $1', [ job.uuid ])
      return found.state === 1 ? found : undefined
    }, 60_000, 200)
    expect(row).to.deep.include({ state: 1, failures: 1, refusedRunnerIds: [ alpha.id ] })
    // Its sound is another tone, and its pictures other pictures: the sound, checked first, fails it.
    expect(row.error).to.match(/refused: .*(is not the source's|SSIM)/)
    const [ runner ] = await instance.sql<{ verificationFailures: number }>('SELECT "verificationFailures" FROM runner WHERE id = $1', [ alpha.id ])
    expect(runner.verificationFailures).to.equal(1)

    // Nothing was published, and the refused file is removed once that is committed.
    const video = await instance.api().get(`/api/v1/videos/${videoUUID}`).expect(200)
    expect(video.body.files.map((f: { resolution: { id: number } }) => f.resolution.id)).to.deep.equal([ 360 ])
    const available = await post('/jobs/request').send({ runnerToken: alpha.runnerToken }).expect(200)
    expect(available.body.availableJobs.map((j: { uuid: string }) => j.uuid)).not.to.include(job.uuid)
    await post(`/jobs/${job.uuid}/accept`).send({ runnerToken: alpha.runnerToken }).expect(409)
  })

  it('stores a verified result through the local path and refuses a second success', async function () {
    // The full form waits for Bull to hand the interrupted check to the restarted instance (lock expiry + checks).
    if (FULL) this.timeout(360_000)
    const accepted = await post(`/jobs/${job.uuid}/accept`).send({ runnerToken: beta.runnerToken }).expect(200)
    const token = accepted.body.job.jobToken
    const good = join(dir, 'rung-240.mp4')
    // Full form: the instance is killed in the middle of the check; restarted, it checks the held output again.
    let killedInCheck = false
    if (FULL) {
      await instance.stop()
      await instance.start({ config: CONFIG, env: { TUBELESS_FAULT_POINT: 'runner-verification' }, onOutput: text => { if (text.includes('fault point runner-verification reached')) killedInCheck = true } })
    }
    await post(`/jobs/${job.uuid}/success`).field('runnerToken', beta.runnerToken).field('jobToken', token).attach('payload[videoFile]', good).expect(204)
    if (FULL) {
      await instance.waitForExit(60_000)
      expect(killedInCheck).to.equal(true)
      await instance.start({ config: CONFIG })
    }
    const again = await post(`/jobs/${job.uuid}/success`).field('runnerToken', beta.runnerToken).field('jobToken', token).attach('payload[videoFile]', good)
    expect(again.status).to.equal(400)
    expect(again.body.code).to.equal('runner_job_not_in_processing_state')

    const video = await waitUntil(async () => {
      const res = await instance.api().get(`/api/v1/videos/${videoUUID}`).expect(200)
      const web = res.body.files.map((f: { resolution: { id: number } }) => f.resolution.id)
      const hls = res.body.streamingPlaylists[0].files.map((f: { resolution: { id: number } }) => f.resolution.id)
      return web.includes(240) && hls.includes(240) ? res.body : undefined
    }, FULL ? 240_000 : 90_000, 200).catch(async err => {
      const rows = await instance.sql('SELECT state, error, "privatePayload" FROM "runnerJob" WHERE uuid = $1', [ job.uuid ])
      const outbox = await instance.sql('SELECT "jobType", "createdAt" FROM "outboxEntry"')
      throw new Error(`${(err as Error).message}: ${JSON.stringify({ rows, outbox })}\n${instance.recentOutput()}`)
    })
    expect(video.files.find((f: { resolution: { id: number } }) => f.resolution.id === 240).torrentUrl).to.be.a('string')
    const [ row ] = await instance.sql<{ state: number }>('SELECT state FROM "runnerJob" WHERE uuid = $1', [ job.uuid ])
    expect(row.state).to.equal(3)
  })

  it('lets the administrator cancel a job; a runner error is counted and the job is queued again', async function () {
    const other = (await listRunnerJobs(instance)).find(j => j.payload.output.resolution === 144)!
    const accepted = await post(`/jobs/${other.uuid}/accept`).send({ runnerToken: beta.runnerToken }).expect(200)
    await post(`/jobs/${other.uuid}/error`).send({ runnerToken: beta.runnerToken, jobToken: accepted.body.job.jobToken, message: 'ffmpeg crashed' }).expect(204)
    const [ row ] = await instance.sql<{ state: number, failures: number }>('SELECT state, failures FROM "runnerJob" WHERE uuid = $1', [ other.uuid ])
    expect(row).to.deep.equal({ state: 1, failures: 1 })

    await instance.api().post(`/api/v1/runners/jobs/${other.uuid}/cancel`).set(admin()).expect(204)
    await instance.api().post(`/api/v1/runners/jobs/${other.uuid}/cancel`).set(admin()).expect(400)
    // The ladder ends with what was stored: the video is published and its source removed.
    await waitUntil(async () => {
      const rows = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "outboxEntry" WHERE "jobType" = \'runner-job-ended\'')
      return rows[0].n === 0
    })
  })

  it('disables a runner after repeated refused outputs, and lets the administrator enable it', async function () {
    await instance.api().put(`/api/v1/runners/${alpha.id}`).set(admin()).send({ enabled: false }).expect(204)
    const res = await post('/jobs/request').send({ runnerToken: alpha.runnerToken })
    expect(res.status).to.equal(403)
    expect(res.body.code).to.equal('runner_disabled')
    await instance.api().put(`/api/v1/runners/${alpha.id}`).set(admin()).send({ enabled: true, trusted: true }).expect(204)
    await post('/jobs/request').send({ runnerToken: alpha.runnerToken }).expect(200)
  })

  it('forgets runners whose registration token is deleted: their token is revoked', async function () {
    const tokens = await instance.api().get('/api/v1/runners/registration-tokens').set(admin()).expect(200)
    await instance.api().delete(`/api/v1/runners/registration-tokens/${tokens.body.data[0].id}`).set(admin()).expect(204)
    const res = await post('/jobs/request').send({ runnerToken: beta.runnerToken })
    expect(res.status).to.equal(401)
    expect((await instance.api().get('/api/v1/runners').set(admin()).expect(200)).body.total).to.equal(0)
  })

  it('announces the encoder profiles in the configuration', async function () {
    const config = await instance.api().get('/api/v1/config').expect(200)
    expect(config.body.transcoding.remoteRunners.enabled).to.equal(true)
    expect(config.body.transcoding.profile).to.equal('default')
    expect(config.body.transcoding.availableProfiles).to.include.members([ 'default', 'x264-veryfast' ])
  })
})
