import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io, type Socket } from 'socket.io-client'
import { detectEncoderProfiles } from '../../server/lib/video-pipeline/encoder-profiles.js'
import type { RunnerJobType } from '../../shared/models/runners.js'
import { processLiveJob } from './process-live.js'
import { processVodJob, type VodJobContext } from './process-vod.js'
import { RunnerApiError, RunnerClient, type AcceptedJob } from './runner-client.js'

export interface RunnerOptions {
  url: string
  /** A registration token (registers, then keeps the runner token in stateFile) or a runner token. */
  token: string
  name: string
  description?: string
  stateFile: string
  workDir?: string
  concurrency: number
  pollIntervalMs: number
  progressIntervalMs: number
  preset: VodJobContext['preset']
  threads: number
  jobTypes?: string[]
  transformResult?: VodJobContext['transformResult']
  log?: (line: string) => void
}

const ALL_TYPES: RunnerJobType[] = [ 'vod-web-video-transcoding', 'vod-hls-transcoding', 'vod-audio-merge-transcoding', 'live-rtmp-hls-transcoding' ]

/**
 * The runner's loop: asks for jobs when the instance says there are some (socket.io "available-jobs", as PeerTube's
 * runner listens) and on a timer, accepts what it can do up to its concurrency, processes, posts results. On
 * SIGTERM/SIGINT it gives its jobs back (abort), so they go to another runner at once.
 */
export async function startRunner (options: RunnerOptions) {
  const log = options.log ?? ((line: string) => process.stdout.write(`runner ${options.name}: ${line}\n`))
  const client = new RunnerClient(options.url)
  const profiles = await detectEncoderProfiles()
  await obtainRunnerToken(client, options, profiles, log)

  const types = new Set((options.jobTypes ?? ALL_TYPES) as RunnerJobType[])
  const running = new Map<string, { job: AcceptedJob, controller: AbortController }>()
  const workDir = options.workDir ?? tmpdir()
  let checking = false
  let again = false
  let stopping = false

  const check = async (): Promise<void> => {
    if (stopping) return
    if (checking) { again = true; return }
    checking = true
    try {
      while (running.size < options.concurrency) {
        const { availableJobs } = await client.request(profiles)
        const candidates = availableJobs.filter(j => types.has(j.type))
        let accepted: AcceptedJob | undefined
        for (const candidate of candidates) {
          try {
            accepted = await client.accept(candidate.uuid)
            break
          } catch (err) {
            // Another runner took it first (409): try the next one.
            if (!(err instanceof RunnerApiError && err.status === 409)) throw err
          }
        }
        if (!accepted) break
        run(accepted)
      }
    } catch (err) {
      if (err instanceof RunnerApiError && err.code === 'unknown_runner_token') {
        log(`the instance does not know our runner token any more (revoked?): stopping`)
        process.exit(1)
      }
      log(`cannot get jobs: ${(err as Error).message}`)
    } finally {
      checking = false
      if (again) {
        again = false
        void check()
      }
    }
  }

  const run = (job: AcceptedJob) => {
    const controller = new AbortController()
    running.set(job.uuid, { job, controller })
    log(`accepted job ${job.uuid} (${job.type})`)
    const work = job.type === 'live-rtmp-hls-transcoding'
      ? processLiveJob({ client, job, workDir, preset: options.preset, signal: controller.signal })
      : processVodJob({ client, job, workDir, preset: options.preset, threads: options.threads, progressIntervalMs: options.progressIntervalMs, signal: controller.signal, transformResult: options.transformResult })
    work
      .then(() => log(`finished job ${job.uuid}`))
      .catch(async (err: Error) => {
        if (stopping) return
        log(`job ${job.uuid} failed: ${err.message}`)
        // A refused output (422) already sent the job back to the queue; anything else is reported.
        if (err instanceof RunnerApiError && err.status === 422) return
        await client.error(job, err.message).catch(() => undefined)
      })
      .finally(() => {
        running.delete(job.uuid)
        void check()
      })
  }

  const socket: Socket = io(options.url + '/runners', { path: '/socket.io', auth: { runnerToken: client.runnerToken }, transports: [ 'websocket' ], reconnectionDelayMax: 10_000 })
  socket.on('available-jobs', () => { void check() })
  socket.on('connect', () => { void check() })
  const poll = setInterval(() => { void check() }, options.pollIntervalMs)

  const stop = async () => {
    if (stopping) return
    stopping = true
    clearInterval(poll)
    socket.disconnect()
    await Promise.all([ ...running.values() ].map(async ({ job, controller }) => {
      controller.abort()
      await client.abort(job, 'Runner stopped').catch(() => undefined)
    }))
    process.exit(0)
  }
  process.on('SIGTERM', () => { void stop() })
  process.on('SIGINT', () => { void stop() })

  log(`ready on ${options.url} (profiles: ${profiles.join(', ')})`)
  await check()
  return { stop, client }
}

async function obtainRunnerToken (client: RunnerClient, options: RunnerOptions, profiles: string[], log: (line: string) => void) {
  if (!options.token.startsWith('ptrrt-')) {
    client.runnerToken = options.token
    return
  }
  if (existsSync(options.stateFile)) {
    const state = JSON.parse(await readFile(options.stateFile, 'utf8')) as { url?: string, runnerToken?: string }
    if (state.url === options.url && state.runnerToken) {
      client.runnerToken = state.runnerToken
      return
    }
  }
  await client.register({ registrationToken: options.token, name: options.name, description: options.description, encoderProfiles: profiles })
  await writeFile(options.stateFile, JSON.stringify({ url: options.url, name: options.name, runnerToken: client.runnerToken }, null, 2), { mode: 0o600 })
  log(`registered on ${options.url}; runner token kept in ${join(options.stateFile)}`)
}
