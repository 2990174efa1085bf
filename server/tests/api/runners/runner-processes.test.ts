import { join } from 'node:path'
import { expect } from 'chai'
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

describe('Runner processes: jobs spread, a killed runner, a cheating runner', function () {
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
    await instance.flushAndStart({ config: RUNNERS_CONFIG })
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
    expect(cheaterRow.disabledReason).to.match(/failed verification.*SSIM/)
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

  it('spreads the jobs of a video over two runners', async function () {
    await Promise.all([ ensureRunning('honest-1'), ensureRunning('honest-2') ])
    const upload = await uploadVideo(instance, longClip, { name: 'Spread' })
    const uuid = upload.body.video.uuid as string
    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 180_000 })
    const names = new Set((await jobsOf(uuid)).map(j => j.runner?.name))
    expect([ ...names ].sort()).to.deep.equal([ 'honest-1', 'honest-2' ])
  })

  it('gives the job of a runner killed in the middle of it to the other runner', async function () {
    const upload = await uploadVideo(instance, longClip, { name: 'Killed runner' })
    const uuid = upload.body.video.uuid as string
    const victim = runners.find(r => r.name === 'honest-1')!

    const held = await waitUntil(async () => (await jobsOf(uuid)).find(j => j.state.id === 2 && j.runner?.name === 'honest-1'), 60_000, 50)
    victim.kill()

    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 180_000 })
    // The ladder can be whole before that job is (the fast-start copy stands for a rung): wait for the job itself.
    const finished = await waitUntil(async () => (await jobsOf(uuid)).find(j => j.uuid === held.uuid && j.state.id === 3), 180_000, 500)
    expect(finished.runner?.name).to.equal('honest-2')
    expect(finished.failures).to.equal(0)
  })
})
