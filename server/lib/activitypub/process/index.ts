import { loggerWithTags } from '../../../helpers/logger.js'
import type { ActivityContext, ActivityOutcome, ActivityProcessor } from './activity-context.js'
import { recordInboxOutcome } from './inbox-stats.js'
import { processAccept, processReject } from './process-accept-reject.js'
import { processFollow } from './process-follow.js'
import {
  processAnnounce, processCreate, processDelete, processDislike, processFlag, processLike, processUpdate, processView
} from './process-object-activities.js'
import { processUndo } from './process-undo.js'

export type { ActivityContext, ActivityOutcome, ActivityProcessor } from './activity-context.js'
export { inboxStats } from './inbox-stats.js'
export { registerDeleteAuthority } from './process-object-activities.js'
export { registerObjectActivityHandler, OBJECT_ACTIVITY_TYPES } from './object-handlers.js'
export type { ObjectActivityHandler, ObjectActivityType } from './object-handlers.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * Activity type -> processor. The follow handshake is complete here; Create/Update/Delete/Announce/Like/
 * Dislike/View/Flag hand their objects to the handlers other modules register (registerObjectActivityHandler).
 * Types and objects nobody handles are ignored with a warning and counted (inbox-stats.ts).
 */
const PROCESSORS = new Map<string, ActivityProcessor>([
  [ 'Follow', processFollow ],
  [ 'Accept', processAccept ],
  [ 'Reject', processReject ],
  [ 'Undo', processUndo ],
  [ 'Create', processCreate ],
  [ 'Update', processUpdate ],
  [ 'Delete', processDelete ],
  [ 'Announce', processAnnounce ],
  [ 'Like', processLike ],
  [ 'Dislike', processDislike ],
  [ 'View', processView ],
  [ 'Flag', processFlag ]
])

/** Replaces (or adds) the processor of an activity type. */
export function registerActivityProcessor (type: string, processor: ActivityProcessor) {
  PROCESSORS.set(type, processor)
}

/** Runs the processor of the activity's type. Errors are logged, not thrown: one bad activity stops nothing. */
export async function processActivity (context: ActivityContext) {
  try {
    await processActivityOrThrow(context)
  } catch (err) {
    log.warn(`Cannot process ${context.activity.type} ${context.activity.id} from ${context.byActor.url}`, { err })
  }
}

/** Runs the processor of the activity's type; its errors reach the caller (the inbox job retries them). */
export async function processActivityOrThrow (context: ActivityContext): Promise<ActivityOutcome> {
  const { activity } = context
  const processor = PROCESSORS.get(activity.type)
  if (!processor) {
    log.warn(`Unsupported activity type ${activity.type} (${activity.id}) from ${context.byActor.url}: ignored`)
    recordInboxOutcome(activity.type, 'ignored')
    return 'ignored'
  }

  try {
    const outcome = (await processor(context)) ?? 'processed'
    recordInboxOutcome(activity.type, outcome === 'ignored' ? 'ignored' : 'success')
    return outcome
  } catch (err) {
    recordInboxOutcome(activity.type, 'error')
    throw err
  }
}
