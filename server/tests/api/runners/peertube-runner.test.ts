import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { generateRegistrationToken, listRunnerJobs, RUNNERS_CONFIG } from './shared/runner-fixtures.js'

// PeerTube 6.3's own runner program (apps/peertube-runner) against us. It is not part of the project: this runs only
// when TUBELESS_PEERTUBE_RUNNER names its built entry point (dist/peertube-runner.js), e.g. one built with
// ../shared/tools/peertube-peer (`peertube-peer.sh runner`).
const PEERTUBE_RUNNER = process.env.TUBELESS_PEERTUBE_RUNNER

describe('PeerTube\'s own runner program against Tubeless', function () {
  const instance = new TestInstance(3)
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

  before(async function () {
    if (!PEERTUBE_RUNNER) return this.skip()
    dir = await makeTempDir('peertube-runner')
    // PeerTube's runner reports progress every few seconds only: the stall limits are PeerTube's.
    await instance.flushAndStart({ config: { ...RUNNERS_CONFIG, remote_runners: { stalled_jobs: { vod: '2 minutes', live: '30 seconds' } } } })
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
    await instance.stop()
    await removeDir(dir)
  })

  it('registers with a registration token and transcodes the ladder of an upload, which is published', async function () {
    const token = await generateRegistrationToken(instance)
    const register = spawn(process.execPath, [
      PEERTUBE_RUNNER!, '--id', 'tubeless', 'register', '--url', instance.url, '--registration-token', token, '--runner-name', 'peertube-runner'
    ], { env: runnerEnv(), stdio: [ 'ignore', 'pipe', 'pipe' ] })
    let registerOutput = ''
    register.stdout!.on('data', (chunk: Buffer) => { registerOutput += chunk.toString() })
    register.stderr!.on('data', (chunk: Buffer) => { registerOutput += chunk.toString() })
    const code = await new Promise<number | null>(resolve => register.on('close', resolve))
    expect(code, registerOutput).to.equal(0)

    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 })
    const upload = await uploadVideo(instance, clip, { name: 'Through PeerTube\'s runner' })
    expect(upload.status).to.equal(200)
    const uuid = upload.body.video.uuid as string

    await waitForLadder(instance, uuid, [ 360, 240, 144 ], { timeoutMs: 120_000 })
      .catch(err => { throw new Error(`${(err as Error).message}\nrunner output:\n${output}`) })
    const jobs = (await listRunnerJobs(instance)).filter(j => j.privatePayload.videoUUID === uuid)
    expect(jobs.length).to.be.greaterThan(0)
    for (const job of jobs) {
      expect(job.state.id, job.error ?? '').to.equal(3)
      expect(job.runner?.name).to.equal('peertube-runner')
    }
  })
})
