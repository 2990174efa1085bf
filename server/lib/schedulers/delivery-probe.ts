import { guardedRequest } from '../../helpers/requests/index.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { urlOrigin } from '../activitypub/ownership.js'
import { noteServerReachable } from '../activitypub/send/server-health.js'

const log = loggerWithTags('activitypub', 'delivery')

/**
 * Servers with parked deliveries (down when we last tried) are asked, every `federation.delivery.probe_interval`,
 * whether they are back: a NodeInfo discovery document that answers means they are, and their backlog goes at
 * once instead of at its next slow-retry time.
 */
export function scheduleDeliveryProbes () {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    probeParkedServers()
      .catch(err => log.debug('Cannot probe servers with parked deliveries', { err }))
      .finally(() => { running = false })
  }, CONFIG.federation.delivery.probe_interval)
  timer.unref()
  return timer
}

export async function probeParkedServers () {
  const targets = await OutboxEntryModel.listParkedTargets()
  await Promise.all(targets.map(async ({ targetHost, uri }) => {
    const origin = urlOrigin(uri)
    if (!origin) return
    try {
      const response = await guardedRequest(`${origin}/.well-known/nodeinfo`, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        timeoutMs: Math.min(CONFIG.federation.http_timeout, 5_000),
        maxBytes: 64 * 1024,
        allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
        maxRedirects: 2,
        truncateOversizedBody: true
      })
      if (response.status < 500) await noteServerReachable(targetHost)
    } catch {
      // Still down: its deliveries stay parked.
    }
  }))
}
