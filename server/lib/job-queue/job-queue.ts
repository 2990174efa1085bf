import Bull, { type Job, type JobOptions, type Queue } from 'bull'
import { Redis, type RedisOptions } from 'ioredis'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { JOB_HISTORY, JOB_LOCK } from '../../initializers/constants/jobs.js'
import { redisConnection } from '../../initializers/services.js'
import { JOB_DEFINITIONS } from './handlers/index.js'
import type { JobPayloads, JobState, JobType } from './job-types.js'

const log = loggerWithTags('jobs')

export interface JobSummary {
  id: string
  state: JobState
  type: JobType
  data: unknown
  progress: number
  error: string | null
  createdAt: string
  finishedOn: string | null
  processedOn: string | null
}

/**
 * One Bull queue per job type, all created here from the definitions in handlers/index.ts. Every other module
 * talks to jobs through this class only.
 */
class JobQueue {
  private queues = new Map<JobType, Queue>()
  private prefix = 'tubeless'
  private clients: Redis[] = []

  async init () {
    const connection = redisConnection()
    const redisOptions: RedisOptions = {
      path: connection.path,
      host: connection.host,
      port: connection.port,
      password: connection.password,
      db: connection.db
    }
    // Bull needs separate clients for commands and blocking subscriptions; sharing the first two saves connections.
    const client = new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false })
    const subscriber = new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false })
    this.clients.push(client, subscriber)
    // Every queue listens on the two shared clients: that is by design, not a leak.
    for (const shared of [ client, subscriber ]) shared.setMaxListeners(4 * Object.keys(JOB_DEFINITIONS).length)

    for (const type of Object.keys(JOB_DEFINITIONS) as JobType[]) {
      const queue = new Bull(type, {
        prefix: this.prefix,
        settings: {
          lockDuration: JOB_LOCK.LOCK_DURATION_MS,
          stalledInterval: JOB_LOCK.STALLED_INTERVAL_MS,
          maxStalledCount: JOB_LOCK.MAX_STALLED_COUNT
        },
        createClient: kind => {
          if (kind === 'client') return client
          if (kind === 'subscriber') return subscriber
          const blocking = new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false })
          this.clients.push(blocking)
          return blocking
        }
      })
      this.queues.set(type, queue)
      this.startProcessing(type, queue)
    }

    await Promise.all([ ...this.queues.values() ].map(q => q.isReady()))
  }

  async createJob<T extends JobType> (type: T, payload: JobPayloads[T], options: JobOptions = {}) {
    const definition = JOB_DEFINITIONS[type]
    const queue = this.queue(type)
    return queue.add(payload, {
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: definition.backoffMs },
      timeout: definition.timeoutMs,
      // Keep history bounded: Redis is not an archive.
      removeOnComplete: JOB_HISTORY.COMPLETED,
      removeOnFail: JOB_HISTORY.FAILED,
      ...options
    })
  }

  async listForApi (options: { state?: JobState, types?: JobType[], start: number, count: number, asc: boolean }) {
    const states: JobState[] = options.state ? [ options.state ] : [ 'active', 'waiting', 'delayed', 'paused', 'failed', 'completed' ]
    const types = options.types ?? ([ ...this.queues.keys() ])

    // Bull pages per queue; across queues we gather enough of each and page the merged list ourselves.
    const end = options.start + options.count
    const perQueue = await Promise.all(types.map(async type => {
      const queue = this.queue(type)
      const [ jobs, counts ] = await Promise.all([
        queue.getJobs(states, 0, end - 1, options.asc),
        queue.getJobCounts()
      ])
      const total = states.reduce((sum, s) => sum + ((counts as unknown as Record<string, number>)[s] ?? 0), 0)
      return { jobs: jobs.filter(Boolean), total }
    }))

    const all = perQueue.flatMap(q => q.jobs)
    all.sort((a, b) => (options.asc ? a.timestamp - b.timestamp : b.timestamp - a.timestamp))
    const page = all.slice(options.start, end)

    return {
      total: perQueue.reduce((sum, q) => sum + q.total, 0),
      data: await Promise.all(page.map(job => this.summarize(job, options.state)))
    }
  }

  /** Runs a failed job again (an administrator's retry); returns false when there is no such failed job. */
  async retry (type: JobType, id: string) {
    const job = await this.queue(type).getJob(id)
    if (!job || !(await job.isFailed())) return false
    await job.retry()
    return true
  }

  async pause () {
    await Promise.all([ ...this.queues.values() ].map(q => q.pause(true)))
  }

  async resume () {
    await Promise.all([ ...this.queues.values() ].map(q => q.resume(true)))
  }

  /**
   * Stops taking jobs. Long work is interrupted by the definitions' onShutdown hooks and left unfinished, not
   * failed: its lock expires and Bull's stalled-job check hands it to the next start, without using an attempt.
   */
  async terminate () {
    for (const definition of Object.values(JOB_DEFINITIONS)) definition.onShutdown?.()
    await Promise.all([ ...this.queues.values() ].map(q => q.close(true).catch(err => log.warn('Cannot close queue', { err }))))
    for (const client of this.clients) client.disconnect()
    this.queues.clear()
    this.clients = []
  }

  private startProcessing<T extends JobType> (type: T, queue: Queue) {
    const definition = JOB_DEFINITIONS[type]
    const concurrency = CONFIG.jobs.concurrency[type] ?? definition.concurrency

    queue.process(concurrency, async (job: Job<JobPayloads[T]>) => {
      log.debug(`Processing ${type} job ${job.id}`)
      return definition.process(job)
    }).catch(err => log.error(`Queue ${type} stopped processing`, { err }))

    queue.on('failed', (job: Job<JobPayloads[T]>, err: Error) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1)
      log.warn(`Job ${type} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', last' : ''})`, { err: err.message })
      if (final && definition.onFinalFailure) {
        definition.onFinalFailure(job, err).catch(hookErr => log.error(`onFinalFailure of ${type} failed`, { err: hookErr }))
      }
    })
    queue.on('error', err => log.error(`Queue ${type} error`, { err }))
  }

  private queue (type: JobType) {
    const queue = this.queues.get(type)
    if (!queue) throw new Error(`Unknown job type ${type} (or the job queue is not initialized)`)
    return queue
  }

  private async summarize (job: Job, knownState?: JobState): Promise<JobSummary> {
    const state = knownState ?? (await job.getState()) as JobState
    return {
      id: String(job.id),
      state,
      type: job.queue.name as JobType,
      data: job.data,
      progress: typeof job.progress() === 'number' ? job.progress() as number : 0,
      error: job.failedReason ?? null,
      createdAt: new Date(job.timestamp).toISOString(),
      finishedOn: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      processedOn: job.processedOn ? new Date(job.processedOn).toISOString() : null
    }
  }
}

export const jobQueue = new JobQueue()
