import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { DELIVERY } from '../../../initializers/constants/federation.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import type { Activity } from '../activity-types.js'
import { isLocalUrl } from '../local-urls.js'
import { urlOrigin } from '../ownership.js'
import { getServerActor } from '../server-actor.js'
import { getFollowersInboxes } from './recipients.js'

const log = loggerWithTags('activitypub', 'send')

/**
 * Passes on an activity we received (a remote comment on one of our videos) to the followers of `actorIds`,
 * exactly as it arrived: its body keeps its author's Linked Data signature, which is what lets the recipients
 * trust it; the requests are signed by our server actor. Without an LD signature, recipients would refuse it
 * (they cannot tell it comes from its author), so it is not sent. Call it in the unit of work of the change.
 */
export async function forwardActivity (activity: Activity, options: { toFollowersOf: number[], exceptInboxes?: string[] }) {
  if (!CONFIG.federation.enabled) return
  if (!activity.signature) {
    log.info(`Not forwarding ${activity.type} ${activity.id}: it carries no LD signature its recipients could check`)
    return
  }

  const except = new Set(options.exceptInboxes ?? [])
  const inboxes = [ ...new Set(await getFollowersInboxes(options.toFollowersOf)) ]
    .filter(uri => !except.has(uri) && urlOrigin(uri) !== undefined && !isLocalUrl(uri))
  if (inboxes.length === 0) return

  const serverActor = await getServerActor()
  log.info(`Forwarding ${activity.type} ${activity.id} to ${inboxes.length} inbox(es)`)
  for (let i = 0; i < inboxes.length; i += DELIVERY.INBOXES_PER_BROADCAST_JOB) {
    await jobQueue.createJob('activitypub-http-broadcast', {
      uris: inboxes.slice(i, i + DELIVERY.INBOXES_PER_BROADCAST_JOB),
      body: activity as unknown as Record<string, unknown>,
      signatureActorId: serverActor.id
    })
  }
}
