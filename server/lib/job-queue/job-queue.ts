import Bull, { type Job, type Queue } from 'bull'
import { Redis, type RedisOptions } from 'ioredis'
import { loggerWithTags } from '../../helpers/logger.js'
import { RedisUnavailableError, withTimeout } from '../../helpers/outage-errors.js'
import { CONFIG } from '../../initializers/config/index.js'
import { JOB_HISTORY, JOB_LOCK, OUTBOX } from '../../initializers/constants/jobs.js'
import { redisConnection } from '../../initializers/services.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { redisHealth } from '../redis-health.js'
import { afterCommit } from '../unit-of-work/unit-of-work.js'
import type { JobDefinitions } from './job-definition.js'
import type { JobPayloads, JobState, JobType } from './job-types.js'
import { outboxRelay, type QueuedJobCheck } from './outbox-relay.js'
import { runJob } from './run-job.js'

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

export interface CreateJobOptions {
  /** Milliseconds before the job may start. */
  delay?: number
  /** Bull priority: 1 is the highest. */
  priority?: number
  /** Jobs of one key run one after the other, in the order they were created. */
  orderKey?: string
  /** While a job with this key is unfinished, creating another one is a no-op. */
  dedupKey?: string
  /** The remote server a delivery goes to (its parked deliveries are released when it is back). */
  targetHost?: string
  /** Not queued until `delay` has passed, even after a restart (a delivery to a server known to be down). */
  parked?: boolean
}

/**
 * One Bull queue per job type, all created here from the definitions server.ts hands to init (handlers/index.ts).
 * Every other module talks to jobs through this class only; it imports no handler, so handlers can create jobs.
 *
 * A job is created by writing an outbox entry in the caller's unit of work (createJob); the relay hands it to
 * Bull after the commit, under the entry's id, and the entry is removed when the job succeeds. Redis is
 * therefore a cache of the work to do, never its only copy: what it loses, the relay queues again.
 */
class JobQueue {
  private queues = new Map<JobType, Queue>()
  private prefix = 'tubeless'
  private clients: Redis[] = []
  private commandClient: Redis | undefined
  private definitionsByType: JobDefinitions | undefined

  async init (definitions: JobDefinitions) {
    this.definitionsByType = definitions
    const connection = redisConnection()
    const redisOptions: RedisOptions = {
      path: connection.path,
      host: connection.host,
      port: connection.port,
      password: connection.password,
      db: connection.db,
      retryStrategy: attempt => Math.min(attempt * 200, 2000)
    }
    const track = (client: Redis) => {
      redisHealth.watch(client)
      this.clients.push(client)
      return client
    }
    // Bull needs separate clients for commands and blocking subscriptions; sharing the first two saves connections.
    const client = track(new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false }))
    const subscriber = track(new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false }))
    this.commandClient = client
    // Every queue listens on the two shared clients: that is by design, not a leak.
    for (const shared of [ client, subscriber ]) shared.setMaxListeners(4 * Object.keys(this.definitions).length)

    for (const type of Object.keys(this.definitions) as JobType[]) {
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
          return track(new Redis({ ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false }))
        }
      })
      this.queues.set(type, queue)
    }

    await Promise.all([ ...this.queues.values() ].map(q => q.isReady()))
    await this.releaseJobsOfPreviousRun()
    for (const [ type, queue ] of this.queues) this.startProcessing(type, queue)
    const held = (Object.keys(this.definitions) as JobType[]).filter(type => this.definitions[type].heldByCreator)
    const released = await OutboxEntryModel.wakeParkedOfTypes(held)
    if (released !== 0) log.info(`Released ${released} job(s) held by requests of the previous run`)
    outboxRelay.start({ enqueue: entry => this.enqueue(entry), check: entries => this.checkQueued(entries) })
  }

  /**
   * Creates a job as part of the current unit of work: it exists once the unit commits, and never if it rolls
   * back. Outside of a unit of work it is written at once. Returns the job's id, or undefined when `dedupKey`
   * matched an unfinished job.
   */
  async createJob<T extends JobType> (type: T, payload: JobPayloads[T], options: CreateJobOptions = {}) {
    const entry = await OutboxEntryModel.add({
      jobType: type,
      payload: payload as unknown as Record<string, unknown>,
      runAt: new Date(Date.now() + (options.delay ?? 0)),
      priority: options.priority,
      orderKey: options.orderKey,
      dedupKey: options.dedupKey,
      targetHost: options.targetHost,
      parked: options.parked
    })
    if (!entry) return undefined
    if (options.parked) return entry.id
    afterCommit(() => { outboxRelay.dispatchSoon(entry.id) })
    return entry.id
  }

  /**
   * Releases a job created `parked` to hold it while the request that made it finishes its own part (with the
   * payload that part produced). Should the process die first, the job wakes by itself when its delay ends.
   */
  async releaseHeldJob<T extends JobType> (id: string, payload: JobPayloads[T]) {
    await OutboxEntryModel.release(id, payload as unknown as Record<string, unknown>)
    afterCommit(() => { outboxRelay.dispatchSoon(id) })
  }

  /** Replaces a job's payload, in Bull and in its outbox entry (a job that records its progress in its data). */
  async updateJobData<T extends JobType> (job: Job<JobPayloads[T]>, data: JobPayloads[T]) {
    await OutboxEntryModel.updatePayload(OutboxEntryModel.entryIdOfJob(job.id), data as unknown as Record<string, unknown>)
    await job.update(data)
  }

  async listForApi (options: { state?: JobState, types?: JobType[], start: number, count: number, asc: boolean }) {
    return this.whileRedisAnswers(async () => {
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
    })
  }

  /**
   * Runs a failed job again (an administrator's retry); returns false when there is no such failed job. A job
   * the queue no longer has is queued again from its outbox entry.
   */
  async retry (type: JobType, id: string) {
    const job = await this.whileRedisAnswers(() => this.queue(type).getJob(id))
    const entryId = OutboxEntryModel.entryIdOfJob(id)
    if (job && await job.isFailed()) {
      await OutboxEntryModel.update({ state: 'queued' }, { where: { id: entryId, state: 'failed' } }).catch(() => undefined)
      await job.retry()
      return true
    }
    // Outbox ids are BIGINTs: a longer number is no id of ours (and would make PostgreSQL fail).
    const entry = /^\d{1,18}$/.test(entryId) ? await OutboxEntryModel.loadById(entryId) : null
    if (!entry || entry.jobType !== type || entry.state !== 'failed') return false
    await OutboxEntryModel.markPending([ entryId ], [ 'failed' ])
    outboxRelay.dispatchSoon(entryId)
    return true
  }

  /** Jobs of a type waiting or delayed (the inbox backlog, for the server stats). */
  async countWaiting (type: JobType) {
    return this.whileRedisAnswers(async () => {
      const counts = await this.queue(type).getJobCounts()
      return (counts.waiting ?? 0) + (counts.delayed ?? 0)
    })
  }

  /** Jobs of every type in every state (the metrics' peertube_job_queue_total). */
  async countByTypeAndState () {
    return this.whileRedisAnswers(() => Promise.all([ ...this.queues.entries() ].map(async ([ type, queue ]) => {
      return { type, counts: await queue.getJobCounts() as unknown as Record<string, number> }
    })))
  }

  async pause () {
    await this.whileRedisAnswers(() => Promise.all([ ...this.queues.values() ].map(q => q.pause(true))))
  }

  async resume () {
    await this.whileRedisAnswers(() => Promise.all([ ...this.queues.values() ].map(q => q.resume(true))))
  }

  /**
   * Stops taking jobs. Long work is interrupted by the definitions' onShutdown hooks and left unfinished, not
   * failed: its lock expires and Bull's stalled-job check hands it to the next start, without using an attempt.
   */
  async terminate () {
    outboxRelay.stop()
    for (const definition of Object.values(this.definitionsByType ?? {})) definition.onShutdown?.()
    await Promise.all([ ...this.queues.values() ].map(q => q.close(true).catch(err => log.warn('Cannot close queue', { err }))))
    for (const client of this.clients) client.disconnect()
    this.queues.clear()
    this.clients = []
    this.commandClient = undefined
  }

  /**
   * An instance is one process: jobs still active in Redis at start-up were running in a previous run that died.
   * Their locks are dropped and they are marked stalled, so Bull's start-up check hands them out again at once,
   * instead of after the lock's expiry and two stalled-job checks (about 25 s).
   */
  private async releaseJobsOfPreviousRun () {
    let released = 0
    for (const queue of this.queues.values()) {
      const active = (await queue.getActive()).filter(Boolean)
      if (active.length === 0) continue
      const keys = (queue as unknown as { keys: Record<string, string> }).keys
      const multi = queue.client.multi()
      for (const job of active) multi.del(job.lockKey())
      multi.sadd(keys.stalled, ...active.map(job => String(job.id)))
      multi.del(keys['stalled-check'])
      await multi.exec()
      released += active.length
    }
    if (released !== 0) log.info(`${released} job(s) of the previous run resume now`)
  }

  /** Hands an outbox entry to Bull, under the entry's id (adding an id Bull already has is a no-op). */
  private async enqueue (entry: OutboxEntryModel) {
    const type = entry.jobType as JobType
    const definition = this.definitions[type]
    if (!definition) throw new Error(`Outbox entry ${entry.id} has an unknown job type ${entry.jobType}`)
    await withTimeout(
      this.queue(type).add(entry.payload, {
        jobId: OutboxEntryModel.jobIdOf(entry),
        attempts: definition.attempts,
        backoff: { type: 'exponential', delay: definition.backoffMs },
        delay: Math.max(0, entry.runAt.getTime() - Date.now()),
        priority: entry.priority ?? undefined,
        // Keep history bounded: Redis is not an archive.
        removeOnComplete: definition.keepCompleted === false ? true : JOB_HISTORY.COMPLETED,
        removeOnFail: JOB_HISTORY.FAILED
      }),
      OUTBOX.REDIS_COMMAND_TIMEOUT_MS,
      () => new RedisUnavailableError(`Redis did not take job ${entry.id} in time`)
    )
  }

  /** What Bull knows of jobs queued from these entries: missing (lost), done, failed, or still to run. */
  private async checkQueued (entries: OutboxEntryModel[]): Promise<QueuedJobCheck[]> {
    const client = this.commandClient
    if (!client || entries.length === 0) return []
    const pipeline = client.pipeline()
    for (const entry of entries) pipeline.hmget(`${this.prefix}:${entry.jobType}:${OutboxEntryModel.jobIdOf(entry)}`, 'timestamp', 'finishedOn', 'failedReason')
    const results = await withTimeout(pipeline.exec(), OUTBOX.REDIS_COMMAND_TIMEOUT_MS, () => new RedisUnavailableError())
    return entries.map((entry, i) => {
      const [ err, values ] = results?.[i] ?? [ new Error('no answer'), null ]
      if (err) throw err
      const [ timestamp, finishedOn, failedReason ] = values as (string | null)[]
      if (!timestamp) return { entry, status: 'missing' as const }
      if (finishedOn) return { entry, status: failedReason ? 'failed' as const : 'completed' as const, reason: failedReason ?? undefined }
      return { entry, status: 'present' as const }
    })
  }

  private startProcessing<T extends JobType> (type: T, queue: Queue) {
    const definition = this.definitions[type]
    const concurrency = CONFIG.jobs.concurrency[type] ?? definition.concurrency

    queue.process(concurrency, async (job: Job<JobPayloads[T]>) => {
      log.debug(`Processing ${type} job ${job.id}`)
      return runJob(type, definition, job)
    }).catch(err => log.error(`Queue ${type} stopped processing`, { err }))

    // Connection errors are logged once per outage by redisHealth.
    queue.on('error', err => { if (!redisHealth.isDown()) log.error(`Queue ${type} error`, { err }) })
  }

  /** A Redis call of an API request: a 503 within a few seconds when Redis is down, never a hang. */
  private async whileRedisAnswers<R> (fn: () => Promise<R>) {
    if (redisHealth.isDown()) throw new RedisUnavailableError()
    return withTimeout(fn(), OUTBOX.REDIS_COMMAND_TIMEOUT_MS, () => new RedisUnavailableError())
  }

  private get definitions (): JobDefinitions {
    if (!this.definitionsByType) throw new Error('The job queue is not initialized')
    return this.definitionsByType
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
