import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { ReceivedSignatureModel } from '../../models/activitypub/received-signature.js'

const log = loggerWithTags('activitypub', 'inbox')

const CLEANUP_INTERVAL_MS = 60 * 60_000

/**
 * Forgets the fingerprints of received requests once a replay could no longer pass the signature check (its Date would be
 * outside the allowed skew), keeping them twice that long, and at least a day, to catch late redeliveries.
 */
export function scheduleReceivedSignaturesCleanup () {
  const run = async () => {
    const keepMs = Math.max(2 * CONFIG.federation.max_http_signature_skew, 24 * 60 * 60_000)
    try {
      const removed = await ReceivedSignatureModel.removeOlderThan(new Date(Date.now() - keepMs))
      if (removed !== 0) log.debug(`Forgot ${removed} old received signature(s)`)
    } catch (err) {
      log.debug('Cannot clean up received signatures', { err })
    }
  }
  const timer = setInterval(() => { void run() }, CLEANUP_INTERVAL_MS)
  timer.unref()
  return timer
}
