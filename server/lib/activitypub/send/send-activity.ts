import type { ActivityPubContextType } from '../../../helpers/activitypub/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { DELIVERY } from '../../../initializers/constants/federation.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import type { OutgoingActivity } from '../activity-types.js'
import { isLocalUrl } from '../local-urls.js'
import { urlHost, urlOrigin } from '../ownership.js'
import { prepareActivityBody } from './prepare-activity.js'
import { withoutBlockedInboxes } from './blocked-recipients.js'

const log = loggerWithTags('activitypub', 'send')

export interface SendActivityOptions {
  /** Signs the request (HTTP signature, keyId = actor URL) and the body (LD signature). */
  byActor: ActorModel
  toInboxes: string[]
  contextType?: ActivityPubContextType
  /**
   * Fan-out to followers: always a broadcast job, even for one inbox, so unreachable servers are skipped.
   * Otherwise (a Follow, an Accept...) a single inbox gets a unicast job that retries whatever the server state.
   */
  asBroadcast?: boolean
}

/**
 * Queues the delivery of an activity: one activitypub-http-unicast job for a single inbox, activitypub-http-broadcast
 * jobs (by batches of inboxes) otherwise. Duplicate and local inboxes are dropped. Resolves once queued.
 */
export async function sendActivity (activity: OutgoingActivity, options: SendActivityOptions) {
  if (!CONFIG.federation.enabled) {
    log.debug(`Federation is disabled: not sending ${activity.type} ${activity.id}`)
    return
  }

  const inboxes = await withoutBlockedInboxes([ ...new Set(options.toInboxes) ].filter(uri => urlOrigin(uri) !== undefined && !isLocalUrl(uri)))
  if (inboxes.length === 0) return

  const body = await prepareActivityBody(activity, options.byActor, options.contextType)
  const signatureActorId = options.byActor.id

  if (inboxes.length === 1 && !options.asBroadcast) {
    await jobQueue.createJob('activitypub-http-unicast', { uri: inboxes[0], body, signatureActorId }, { targetHost: urlHost(inboxes[0]) })
    return
  }

  for (let i = 0; i < inboxes.length; i += DELIVERY.INBOXES_PER_BROADCAST_JOB) {
    const uris = inboxes.slice(i, i + DELIVERY.INBOXES_PER_BROADCAST_JOB)
    // A broadcast tries each inbox once; retries are unicast jobs, so the job itself is never retried.
    await jobQueue.createJob('activitypub-http-broadcast', { uris, body, signatureActorId })
  }
}
