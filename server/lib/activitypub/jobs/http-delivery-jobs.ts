import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { listUnreachableHosts } from '../../../models/actor/queries/delivery-health-queries.js'
import { PermanentJobError } from '../../job-queue/job-errors.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { forEachWithConcurrency } from '../concurrency.js'
import { urlHost } from '../ownership.js'
import { deliverToInbox } from '../send/deliver.js'
import { nextSlowRetry } from '../send/server-health.js'
import { withoutBlockedInboxes } from '../send/blocked-recipients.js'
import type { OutboxEntryModel } from '../../../models/outbox/outbox-entry.js'
import type { ActivitypubHttpBroadcastPayload, ActivitypubHttpUnicastPayload } from './payloads.js'
import { faultPoint } from '../../../helpers/fault-points.js'

const log = loggerWithTags('activitypub', 'delivery')

/**
 * activitypub-http-broadcast: one attempt per inbox, `federation.delivery.concurrency` at a time. Each inbox
 * that failed in a way a retry may fix becomes a unicast job (which retries with backoff, then slowly), so
 * nothing is lost and nothing is sent twice. Servers unreachable for longer than `unreachable_after` get no
 * attempt now: their deliveries are parked, and go when the server is seen again.
 */
export async function processActivitypubHttpBroadcast (job: Job<ActivitypubHttpBroadcastPayload>) {
  const { body, signatureActorId } = job.data
  const uris = await withoutBlockedInboxes(job.data.uris)
  const actor = await loadSigningActor(signatureActorId)
  const activity = describe(body)

  const failingBefore = new Date(Date.now() - CONFIG.federation.delivery.unreachable_after)
  const unreachable = await listUnreachableHosts([ ...new Set(uris.map(uri => urlHost(uri) ?? '')) ], failingBefore)

  const skipped: string[] = []
  const toRetry: string[] = []
  const refused: string[] = []
  let delivered = 0

  await forEachWithConcurrency(uris, CONFIG.federation.delivery.concurrency, async uri => {
    if (unreachable.has(urlHost(uri) ?? '')) {
      skipped.push(uri)
      return
    }
    const outcome = await deliverToInbox(uri, body, actor)
    if (outcome.ok) faultPoint('delivery-sent')
    if (outcome.ok) delivered++
    else if (outcome.retryable) toRetry.push(uri)
    else {
      refused.push(uri)
      log.warn(`${activity} refused by ${uri}, not retried: ${outcome.reason}`)
    }
  })

  for (const uri of toRetry) {
    // The first retry waits one backoff step, like a job's own retry would.
    await jobQueue.createJob('activitypub-http-unicast', { uri, body, signatureActorId }, { delay: CONFIG.federation.delivery.backoff, targetHost: urlHost(uri) })
  }
  for (const uri of skipped) {
    await jobQueue.createJob('activitypub-http-unicast', { uri, body, signatureActorId }, {
      delay: CONFIG.federation.delivery.slow_retry.first,
      targetHost: urlHost(uri),
      parked: true
    })
  }

  if (skipped.length !== 0) log.info(`${activity}: parked ${skipped.length} delivery(ies) to servers down for long`, { skipped })
  return { delivered, retried: toRetry.length, refused: refused.length, skipped: skipped.length }
}

/** activitypub-http-unicast: one inbox; failures are retried by Bull with the delivery backoff, refusals are not. */
export async function processActivitypubHttpUnicast (job: Job<ActivitypubHttpUnicastPayload>) {
  const { uri, body, signatureActorId } = job.data
  if ((await withoutBlockedInboxes([ uri ])).length === 0) return { skipped: 'the server is blocked by this instance' }
  const actor = await loadSigningActor(signatureActorId)

  const outcome = await deliverToInbox(uri, body, actor)
  if (outcome.ok) return { status: outcome.status }

  if (!outcome.retryable) {
    log.warn(`${describe(body)} refused by ${uri}, not retried: ${outcome.reason}`)
    throw new PermanentJobError(outcome.reason)
  }
  throw new Error(outcome.reason)
}

/**
 * After the fast attempts: when to try again (slow schedule), or undefined to give up. Parked deliveries also go
 * as soon as their server is seen again.
 */
export function parkActivitypubHttpUnicast (job: Job<ActivitypubHttpUnicastPayload>, _err: Error, entry: OutboxEntryModel | null) {
  return nextSlowRetry(entry)
}

/** Called by the job queue once a unicast delivery has used all its attempts and its slow retries. */
export async function onActivitypubHttpUnicastFinalFailure (job: Job<ActivitypubHttpUnicastPayload>, err: Error) {
  log.error(`Giving up delivering ${describe(job.data.body)} to ${job.data.uri}: ${err.message}`)
}

async function loadSigningActor (actorId: number) {
  const actor = await ActorModel.findByPk(actorId)
  if (!actor) throw new Error(`Signing actor ${actorId} no longer exists`)
  return actor
}

function describe (body: Record<string, unknown>) {
  return `${String(body.type)} ${String(body.id)}`
}
