import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { ReceivedSignatureModel } from '../../../models/activitypub/received-signature.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { Activity } from '../activity-types.js'
import { processActivityOrThrow } from '../process/index.js'
import { activityFingerprint } from './activity-fingerprint.js'

const log = loggerWithTags('activitypub', 'inbox')

export interface ActivitypubInboxPayload {
  activity: Activity
  /** The actor proven to have sent it (signer, or LD-signed author of a forwarded activity). */
  byActorId: number
  /** The local actor whose own inbox received it; absent for the shared inbox. */
  inboxActorId?: number
}

/**
 * Keeps the activities of a verified inbox request, before it is answered: each one becomes a job, in one unit
 * of work with the fingerprint of the request's signature, so a restart loses none and a replay of the same
 * request adds nothing. An activity received before (the same content, signed anew: a retried delivery, a copy
 * forwarded by another server) is kept out the same way when processing it again could change something
 * (activity-fingerprint.ts). Activities of one remote actor are processed one after the other, in the order
 * received; different actors' run concurrently. Returns false for a replay.
 */
export async function acceptInboxActivities (options: {
  activities: Activity[]
  byActors: ActorModel[]
  inboxActor?: ActorModel
  signatureFingerprint: string
}) {
  return unitOfWork(async () => {
    if (!await ReceivedSignatureModel.recordIfNew(options.signatureFingerprint)) {
      log.info(`A request of ${options.byActors[0]?.url ?? 'an actor'} was received already (replay): ignored`)
      return false
    }
    for (let i = 0; i < options.activities.length; i++) {
      const byActor = options.byActors[i]
      const fingerprint = activityFingerprint(options.activities[i])
      if (fingerprint && !await ReceivedSignatureModel.recordIfNew(fingerprint)) {
        log.info(`${options.activities[i].type} ${options.activities[i].id} of ${byActor.url} was received already: ignored`)
        continue
      }
      const payload = { activity: options.activities[i], byActorId: byActor.id, inboxActorId: options.inboxActor?.id }
      await jobQueue.createJob('activitypub-inbox', payload, { orderKey: `inbox:${byActor.url}` })
    }
    return true
  })
}

/**
 * activitypub-inbox: processes one received activity. A failure (its object cannot be fetched yet, a bug) is
 * retried with backoff; after the last attempt the job stays failed in the jobs list, where an administrator can
 * see and retry it, and the actor's next activities go on.
 */
export async function processActivitypubInbox (job: Job<ActivitypubInboxPayload>) {
  const { activity, byActorId, inboxActorId } = job.data
  const byActor = await ActorModel.findByPk(byActorId)
  if (!byActor) return { skipped: 'its actor is gone' }
  const inboxActor = inboxActorId !== undefined ? (await ActorModel.findByPk(inboxActorId)) ?? undefined : undefined

  const outcome = await processActivityOrThrow({ activity, byActor, inboxActor })
  return { type: activity.type, outcome }
}
