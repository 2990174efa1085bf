import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { listFailingServers, markServerFailing, markServerReachable } from '../../../models/actor/queries/delivery-health-queries.js'
import { OutboxEntryModel } from '../../../models/outbox/outbox-entry.js'
import { outboxRelay } from '../../job-queue/outbox-relay.js'

const log = loggerWithTags('activitypub', 'delivery')

// A host confirmed reachable within this window is not written again (the inbox sees many requests per host).
const CONFIRMATION_WINDOW_MS = 60_000
const confirmedAt = new Map<string, number>()

/**
 * A remote server answered (a delivery got a non-5xx reply, it delivered to our inbox, or it answered the
 * probe): it is reachable, and the deliveries parked while it was down go now, not at their slow-retry time.
 */
export async function noteServerReachable (host: string) {
  const last = confirmedAt.get(host)
  if (last !== undefined && Date.now() - last < CONFIRMATION_WINDOW_MS) return
  confirmedAt.set(host, Date.now())
  if (confirmedAt.size > 10_000) confirmedAt.delete(confirmedAt.keys().next().value as string)

  await markServerReachable(host)
  const released = await OutboxEntryModel.releaseParkedForHost(host)
  if (released !== 0) {
    log.info(`${host} is reachable again: sending its ${released} parked deliveries now`)
    void outboxRelay.sweep()
  }
}

export async function noteServerFailing (host: string) {
  confirmedAt.delete(host)
  await markServerFailing(host)
}

/**
 * When a delivery that used its fast attempts tries again: `first`, doubling at each parking up to `max`,
 * and never once it is older than `give_up_after` (it is failed then, where the administrator sees it).
 */
export function nextSlowRetry (entry: Pick<OutboxEntryModel, 'createdAt' | 'parkedCount'> | null, now = Date.now()) {
  const { first, max, give_up_after: giveUpAfter } = CONFIG.federation.delivery.slow_retry
  const createdAt = entry?.createdAt?.getTime() ?? now
  if (now - createdAt >= giveUpAfter) return undefined
  const wait = Math.min(max, first * 2 ** Math.min(entry?.parkedCount ?? 0, 30))
  return new Date(Math.min(now + wait, createdAt + giveUpAfter))
}

export interface ServerDeliveryHealth {
  host: string
  /** Every delivery to it has failed since then; null when it answers. */
  failingSince: string | null
  /** Deliveries waiting for their next slow retry, or for the server to be seen again. */
  parkedDeliveries: number
  oldestParkedAt: string | null
  nextAttemptAt: string | null
}

/** Per remote server: failing or not, and its backlog of parked deliveries (the admin's delivery health page). */
export async function listDeliveryHealth (): Promise<ServerDeliveryHealth[]> {
  const [ failing, parked ] = await Promise.all([ listFailingServers(), OutboxEntryModel.parkedByHost() ])
  const byHost = new Map<string, ServerDeliveryHealth>()
  const entry = (host: string) => {
    let health = byHost.get(host)
    if (!health) {
      health = { host, failingSince: null, parkedDeliveries: 0, oldestParkedAt: null, nextAttemptAt: null }
      byHost.set(host, health)
    }
    return health
  }
  for (const server of failing) entry(server.host).failingSince = server.failingSince?.toISOString() ?? null
  for (const row of parked) {
    const health = entry(row.targetHost)
    health.parkedDeliveries = Number(row.count)
    health.oldestParkedAt = new Date(row.oldest).toISOString()
    health.nextAttemptAt = new Date(row.nextRunAt).toISOString()
  }
  return [ ...byHost.values() ].sort((a, b) => b.parkedDeliveries - a.parkedDeliveries || a.host.localeCompare(b.host))
}

/** An administrator's "retry now": the server's parked deliveries are queued at once. */
export async function retryParkedDeliveries (host: string) {
  confirmedAt.delete(host)
  const released = await OutboxEntryModel.releaseParkedForHost(host)
  if (released !== 0) void outboxRelay.sweep()
  return released
}
