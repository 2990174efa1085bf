import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { markServerFailing, markServerReachable } from '../../../models/actor/queries/delivery-health-queries.js'
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
