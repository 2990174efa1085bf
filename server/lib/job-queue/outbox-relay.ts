import { loggerWithTags } from '../../helpers/logger.js'
import { isOutageError } from '../../helpers/outage-errors.js'
import { OUTBOX } from '../../initializers/constants/jobs.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { redisHealth } from '../redis-health.js'
import { faultPoint } from '../../helpers/fault-points.js'

const log = loggerWithTags('jobs', 'outbox')

export type QueuedJobCheck =
  | { entry: OutboxEntryModel, status: 'missing' | 'present' | 'completed' }
  | { entry: OutboxEntryModel, status: 'failed', reason?: string }

interface QueueAccess {
  enqueue: (entry: OutboxEntryModel) => Promise<void>
  check: (entries: OutboxEntryModel[]) => Promise<QueuedJobCheck[]>
}

/**
 * Moves outbox entries into the job queue: right after their unit of work commits, and in a periodic sweep
 * that catches what a crash, a Redis outage or a lost Redis dataset left behind:
 * - pending entries (never queued, or queued again) are queued, first of each order key only;
 * - parked entries whose time has come are queued;
 * - queued entries whose job Redis no longer has are queued again (jobs lost with Redis, delayed ones too).
 * Queuing is at-least-once: a job may run twice after a crash, so handlers are idempotent.
 */
class OutboxRelay {
  private queue: QueueAccess | undefined
  private timers: NodeJS.Timeout[] = []
  private soon = new Set<string>()
  private soonKeys = new Set<string>()
  private flushing: Promise<void> | undefined
  private sweeping = false
  private failingSince: number | undefined
  private unsubscribe: (() => void) | undefined

  start (queue: QueueAccess) {
    this.queue = queue
    this.timers.push(setInterval(() => { void this.sweep() }, OUTBOX.SWEEP_INTERVAL_MS))
    this.timers.push(setInterval(() => { void this.verifyQueued() }, OUTBOX.VERIFY_INTERVAL_MS))
    for (const timer of this.timers) timer.unref()
    // Redis may have lost jobs while it was away (a restart without persistence): check at once.
    this.unsubscribe = redisHealth.onReconnect(() => { void this.sweep().then(() => this.verifyQueued(0)) })
    // At start-up: whatever the previous run left pending, parked or lost.
    void this.sweep().then(() => this.verifyQueued(0))
  }

  stop () {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    this.unsubscribe?.()
    this.queue = undefined
  }

  /** Queues this committed entry as soon as possible (batched with others committed meanwhile). */
  dispatchSoon (id: string) {
    this.soon.add(id)
    this.flushSoon()
  }

  /** An entry of this order key finished: the next one may run. */
  dispatchNextOf (orderKey: string) {
    this.soonKeys.add(orderKey)
    this.flushSoon()
  }

  private flushSoon () {
    if (this.flushing) return
    this.flushing = new Promise<void>(resolve => setImmediate(resolve))
      .then(async () => {
        while (this.soon.size !== 0 || this.soonKeys.size !== 0) {
          const ids = [ ...this.soon ]
          const orderKeys = [ ...this.soonKeys ]
          this.soon.clear()
          this.soonKeys.clear()
          faultPoint('outbox-dispatch')
          await this.dispatch({ ids: ids.length ? ids : undefined, orderKeys: orderKeys.length ? orderKeys : undefined })
        }
      })
      .catch(err => this.noteFailure(err))
      .finally(() => { this.flushing = undefined })
  }

  /** Periodic: wake due parked entries, then queue every dispatchable pending one. */
  async sweep () {
    if (!this.queue || this.sweeping) return
    this.sweeping = true
    try {
      const woken = await OutboxEntryModel.wakeParked()
      if (woken !== 0) log.info(`${woken} parked job(s) are due again`)
      let queued: number
      do {
        queued = await this.dispatch({ limit: OUTBOX.BATCH })
      } while (queued === OUTBOX.BATCH)
      this.noteSuccess()
    } catch (err) {
      this.noteFailure(err)
    } finally {
      this.sweeping = false
    }
  }

  /**
   * Checks that Redis still has the jobs of queued entries, oldest first. `minAgeMs` leaves alone entries
   * queued a moment ago, which a relay may be adding right now.
   */
  async verifyQueued (minAgeMs: number = OUTBOX.VERIFY_MIN_AGE_MS) {
    const queue = this.queue
    if (!queue || redisHealth.isDown()) return
    try {
      let afterId = '0'
      let lost = 0
      for (;;) {
        const entries = await OutboxEntryModel.listQueued({ afterId, limit: OUTBOX.BATCH, olderThan: new Date(Date.now() - minAgeMs) })
        if (entries.length === 0) break
        afterId = entries[entries.length - 1]!.id
        const checks = await queue.check(entries)

        const missing = checks.filter(c => c.status === 'missing').map(c => c.entry.id)
        const completed = checks.filter(c => c.status === 'completed').map(c => c.entry.id)
        lost += await OutboxEntryModel.markPending(missing)
        await OutboxEntryModel.completeMany(completed)
        for (const check of checks) {
          if (check.status === 'failed') await OutboxEntryModel.markFailed(check.entry.id, check.reason ?? 'failed')
        }
        if (entries.length < OUTBOX.BATCH) break
      }
      if (lost !== 0) {
        log.warn(`Redis had lost ${lost} queued job(s): queued again from the outbox`)
        await this.sweep()
      }
    } catch (err) {
      this.noteFailure(err)
    }
  }

  private async dispatch (filter: { ids?: string[], orderKeys?: string[], limit?: number }) {
    const queue = this.queue
    if (!queue) return 0
    const entries = await OutboxEntryModel.listDispatchable({ ids: filter.ids, orderKeys: filter.orderKeys, limit: filter.limit ?? OUTBOX.BATCH })
    if (entries.length === 0) return 0

    const queued: string[] = []
    let firstError: unknown
    for (const entry of entries) {
      try {
        await queue.enqueue(entry)
        queued.push(entry.id)
      } catch (err) {
        firstError ??= err
        // Redis is away: the rest will not go either; the sweep retries them.
        if (isOutageError(err)) break
        log.error(`Cannot queue job ${entry.jobType} ${entry.id}`, { err })
      }
    }
    await OutboxEntryModel.markQueued(queued)
    if (firstError && isOutageError(firstError)) this.noteFailure(firstError)
    return queued.length
  }

  // One line when the relay starts failing (database or Redis away), one when it works again.
  private noteFailure (err: unknown) {
    if (this.failingSince !== undefined) return
    this.failingSince = Date.now()
    log.warn(`The outbox relay cannot queue jobs for now (${(err as Error).message}); it retries every ${OUTBOX.SWEEP_INTERVAL_MS / 1000} s`)
  }

  private noteSuccess () {
    if (this.failingSince === undefined) return
    log.info(`The outbox relay queues jobs again (after ${Math.round((Date.now() - this.failingSince) / 1000)} s)`)
    this.failingSince = undefined
  }
}

export const outboxRelay = new OutboxRelay()
