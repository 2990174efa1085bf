import type { Job } from 'bull'
import { loggerWithTags } from '../../helpers/logger.js'
import { isOutageError } from '../../helpers/outage-errors.js'
import { OUTBOX } from '../../initializers/constants/jobs.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import type { JobDefinition } from './job-definition.js'
import { JobTimeoutError, PermanentJobError } from './job-errors.js'
import type { JobPayloads, JobType } from './job-types.js'
import { outboxRelay } from './outbox-relay.js'

const log = loggerWithTags('jobs')

/**
 * Runs one attempt of a job within its limits, then settles its outbox entry:
 * - the handler gets an AbortSignal, aborted when the job's time limit is reached (its ffmpeg is killed);
 * - a database or Redis outage does not use an attempt: the handler is run again once the service is back;
 * - success removes the entry (the next job of its order key may start);
 * - the last failed attempt parks the entry for a later retry when the definition says so (deliveries to a
 *   server that is down), or marks it failed where the administrator sees it; never silently dropped.
 */
export async function runJob<T extends JobType> (type: T, definition: JobDefinition<T>, job: Job<JobPayloads[T]>) {
  const entryId = OutboxEntryModel.entryIdOfJob(job.id)
  try {
    const result = await runWithinLimits(type, definition, job)
    await settle(() => OutboxEntryModel.complete(entryId)).then(orderKey => { if (orderKey) outboxRelay.dispatchNextOf(orderKey) })
    return result
  } catch (err) {
    const permanent = err instanceof PermanentJobError
    if (permanent) await job.discard()
    const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
    if (!final) {
      log.debug(`Job ${type} ${job.id} failed (attempt ${job.attemptsMade + 1}), retried`, { err: (err as Error).stack })
      throw err
    }

    const parkUntil = permanent ? undefined : definition.parkAfterLastAttempt?.(job, err as Error, await OutboxEntryModel.loadById(entryId).catch(() => null))
    if (parkUntil) {
      await settle(() => OutboxEntryModel.park(entryId, { runAt: parkUntil, lastError: (err as Error).message }))
      log.info(`Job ${type} ${job.id} failed ${job.attemptsMade + 1} time(s): parked until ${parkUntil.toISOString()}`, { err: (err as Error).message })
      // Completed as far as Bull is concerned: the outbox entry holds it until it is due again.
      return { parkedUntil: parkUntil.toISOString(), error: (err as Error).message }
    }

    await settle(() => OutboxEntryModel.markFailed(entryId, (err as Error).message))
    const entry = await OutboxEntryModel.loadById(entryId).catch(() => null)
    if (entry?.orderKey) outboxRelay.dispatchNextOf(entry.orderKey)
    log.warn(`Job ${type} ${job.id} failed for good after ${job.attemptsMade + 1} attempt(s)`, { err: (err as Error).message })
    if (definition.onFinalFailure) {
      await definition.onFinalFailure(job, err as Error).catch(hookErr => log.error(`onFinalFailure of ${type} failed`, { err: hookErr }))
    }
    throw err
  }
}

async function runWithinLimits<T extends JobType> (type: T, definition: JobDefinition<T>, job: Job<JobPayloads[T]>) {
  const timeoutMs = typeof definition.timeoutMs === 'function' ? definition.timeoutMs(job.data) : definition.timeoutMs
  const controller = new AbortController()
  const timer = timeoutMs ? setTimeout(() => controller.abort(new JobTimeoutError(type, timeoutMs)), timeoutMs) : undefined
  const started = Date.now()

  try {
    for (;;) {
      try {
        const result = await definition.process(job, { signal: controller.signal })
        if (controller.signal.aborted) throw controller.signal.reason
        return result
      } catch (err) {
        if (controller.signal.aborted) throw controller.signal.reason
        if (!isOutageError(err) || Date.now() - started > OUTBOX.OUTAGE_PATIENCE_MS) throw err
        // PostgreSQL or Redis is away: wait for it, then run again (handlers resume what they had done).
        log.info(`Job ${type} ${job.id} waits for an outage to end: ${(err as Error).message}`)
        await new Promise(resolve => setTimeout(resolve, OUTBOX.OUTAGE_RETRY_MS))
      }
    }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Writes the outcome of a job to its entry, waiting out a database outage: an outcome that cannot be written
 * would make the job run again.
 */
async function settle<R> (write: () => Promise<R>): Promise<R> {
  const started = Date.now()
  for (;;) {
    try {
      return await write()
    } catch (err) {
      if (!isOutageError(err) || Date.now() - started > OUTBOX.OUTAGE_PATIENCE_MS) throw err
      await new Promise(resolve => setTimeout(resolve, OUTBOX.OUTAGE_RETRY_MS))
    }
  }
}
