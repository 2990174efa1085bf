import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { testServices } from '../shared/test-services.js'
import { firstChannelId, uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FAULT_INSTANCE_CONFIG, FULL_FAULT_SUITE, localVideos, waitForOriginSettled } from './shared/convergence.js'

/**
 * Statuses answered to `request`, polled during `ms` (or until one answer meets `until`): the outage window as
 * clients see it.
 */
interface Observation { at: number, status: number, elapsed: number, problem: boolean, retryAfter?: string }

async function observe (ms: number, request: () => Promise<{ status: number, headers: Record<string, string>, type: string }>, until?: (seen: Observation) => boolean) {
  const seen: Observation[] = []
  const started = Date.now()
  while (Date.now() - started < ms && !(until && seen.length !== 0 && until(seen[seen.length - 1]))) {
    const t = Date.now()
    const res = await request().catch(() => ({ status: 0, headers: {} as Record<string, string>, type: '' }))
    seen.push({ at: t - started, status: res.status, elapsed: Date.now() - t, problem: res.type === 'application/problem+json', retryAfter: res.headers['retry-after'] })
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  return seen
}

describe('Outages of Redis and PostgreSQL: answers within bounds, nothing lost', function () {
  const instance = new TestInstance(1)
  const output: string[] = []
  let dir: string
  let clip: string
  let vp9: string

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  before(async function () {
    dir = await makeTempDir('outages')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2, fps: 25 })
    vp9 = await generateClip(join(dir, 'clip.webm'), { width: 640, height: 360, durationSeconds: 2, video: 'vp9', audio: 'opus' })
    await instance.flushAndStart({
      config: { ...FAULT_INSTANCE_CONFIG, database: { pool: { acquire_timeout: '3 seconds' } } },
      onOutput: text => output.push(text)
    })
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('keeps serving through a Redis outage, answers 503 fast where Redis is needed, and loses no queued or delayed job', async function () {
    this.timeout(180_000)
    // Short form: 4 s of polling (the Redis-command limit is 3 s, so a request that waited for it is seen too).
    const downMs = FULL_FAULT_SUITE ? 27_000 : 6_000

    const first = (await uploadVideo(instance, clip, { name: 'Made private before the outage' })).body.video.uuid as string
    await waitForOriginSettled(instance)

    // Queued jobs (the queue is paused, so they wait in Redis), and a delayed one (a privacy move's safety net).
    await instance.api().post('/api/v1/jobs/pause').set(auth()).expect(204)
    const queued = (await uploadVideo(instance, vp9, { name: 'Queued before the outage' })).body.video.uuid as string
    await instance.api().put(`/api/v1/videos/${first}`).set(auth()).field('privacy', '3').expect(204)
    const [ { n: waitingInRedis } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "outboxEntry" WHERE state = \'queued\' AND "jobType" IN (\'video-transcoding\', \'move-video-files\')')
    expect(waitingInRedis).to.equal(2)

    output.length = 0
    testServices.killRedis(downMs)

    const [ videos, token, jobs ] = await Promise.all([
      observe(downMs - 2_000, () => instance.api().get('/api/v1/videos')),
      observe(downMs - 2_000, () => instance.api().post(`/api/v1/videos/${queued}/token`).set(auth())),
      observe(downMs - 2_000, () => instance.api().get('/api/v1/jobs/waiting').set(auth()))
    ])
    // An upload during the outage is accepted: its jobs wait in the database.
    const during = await uploadVideo(instance, clip, { name: 'Uploaded during the outage' })
    expect(during.status).to.equal(200)

    expect(videos.every(r => r.status === 200), 'reads that need only the database keep working').to.equal(true)
    for (const series of [ token, jobs ]) {
      const refused = series.filter(r => r.status === 503)
      expect(refused.length, 'requests needing Redis are refused').to.be.greaterThan(0)
      expect(refused.every(r => r.problem && r.retryAfter !== undefined), '503 problem+json with Retry-After').to.equal(true)
      expect(Math.max(...series.map(r => r.elapsed)), 'never a hang').to.be.lessThan(4_000)
    }

    // Redis comes back empty: the outbox queues again what it lost, and the queue runs (its paused flag went too).
    await waitUntil(async () => (await instance.api().get('/api/v1/jobs/waiting').set(auth())).status === 200, 30_000, 500)
    const back = Date.now()
    await instance.api().post('/api/v1/jobs/resume').set(auth()).expect(204)
    await waitForOriginSettled(instance)
    expect((await localVideos(instance)).map(v => v.name)).to.include.members([ 'Queued before the outage', 'Uploaded during the outage' ])
    const log = output.join('')
    expect(log).to.not.include('Unhandled error event')
    expect(log).to.not.include('Unhandled promise rejection')
    expect((log.match(/Redis is unreachable/g) ?? []).length, 'one line when Redis goes').to.equal(1)
    expect((log.match(/Redis is reachable again/g) ?? []).length, 'one line when it is back').to.equal(1)
    console.log(`      Redis down ${downMs / 1000} s: ${token.filter(r => r.status === 503).length} token requests answered 503 (slowest ${Math.max(...token.map(r => r.elapsed))} ms); ladder done ${Date.now() - back} ms after Redis was back`)
  })

  it('answers 503 within the acquire timeout while PostgreSQL is down, and recovers by itself', async function () {
    this.timeout(240_000)
    // Short form: 4 s, above the 3 s acquire timeout, so a request waiting for a connection is seen refused.
    const downMs = FULL_FAULT_SUITE ? 20_000 : 4_000
    const [ published ] = await instance.sql<{ filename: string }>('SELECT f.filename FROM "videoFile" f JOIN video v ON v.id = f."videoId" WHERE v.privacy = 1 LIMIT 1')
    // Seen once, so the static route's answer is cached.
    await instance.api().get(`/static/web-videos/${published.filename}`).set('Range', 'bytes=0-99').expect(206)

    // A request in flight when the server goes down.
    // 0: its connection was cut (seen with supertest, not with curl, which gets a 200 or a 503).
    // (Its channel is read first: the test's own query must not be the one the outage cuts.)
    const channelId = await firstChannelId(instance)
    const inFlight = uploadVideo(instance, clip, { name: 'In flight when PostgreSQL stops', channelId }).then(r => r.status, () => 0)
    await testServices.stopPostgres()
    const stoppedAt = Date.now()
    let api: Observation[] = [], config: Observation[] = [], file: Observation[] = []
    try {
      ;[ api, config, file ] = await Promise.all([
        observe(downMs, () => instance.api().get('/api/v1/videos')),
        observe(downMs, () => instance.api().get('/api/v1/config')),
        observe(downMs, () => instance.api().get(`/static/web-videos/${published.filename}`).set('Range', 'bytes=0-99'))
      ])
    } finally {
      // Whatever happens here, the next test files need their PostgreSQL.
      await testServices.startPostgres()
    }
    const startedAt = Date.now()
    // Polled until the first 200 (at most 8 s).
    const after = await observe(8_000, () => instance.api().get('/api/v1/videos'), r => r.status === 200)

    expect([ 200, 503, 0 ]).to.include(await inFlight)
    const refused = api.filter(r => r.status === 503)
    expect(refused.length).to.be.greaterThan(0)
    expect(api.every(r => r.status === 503 ? r.problem && r.retryAfter !== undefined : r.status === 200), 'only 200 or 503 problem+json').to.equal(true)
    expect(Math.max(...api.map(r => r.elapsed)), 'bounded by the acquire timeout').to.be.lessThan(6_000)
    expect(config.every(r => r.status === 200), 'the configuration is served from memory').to.equal(true)
    expect(file.every(r => r.status === 206), 'public files keep playing').to.equal(true)

    const firstOk = after.find(r => r.status === 200)
    expect(firstOk, 'back to 200 after PostgreSQL restarts').to.not.equal(undefined)
    console.log(`      PostgreSQL down ${Math.round((startedAt - stoppedAt) / 1000)} s: API 503 for ${refused.length} polls (slowest ${Math.max(...api.map(r => r.elapsed))} ms); 200 again ${firstOk!.at} ms after it restarted`)
    await waitForOriginSettled(instance)
  })
})
