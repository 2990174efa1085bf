import { loggerWithTags } from '../../../helpers/logger.js'
import { getObjectType } from '../activity-types.js'
import type { ActivityContext, ActivityOutcome } from './activity-context.js'
import { findFollowFromActivity } from './find-follow.js'
import { runObjectActivityHandlers } from './object-handlers.js'

const log = loggerWithTags('activitypub', 'inbox')

const UNDOABLE_TYPES = [ 'Like', 'Dislike', 'Announce' ]

/**
 * Undo of a Follow (the follower leaves), or of something another module handles (Like, Dislike, Announce...,
 * through the 'Undo' object handlers). Only the actor who did it can undo it.
 */
export async function processUndo (context: ActivityContext): Promise<ActivityOutcome> {
  const { activity, byActor } = context
  const objectType = getObjectType(activity.object)

  if (objectType === 'Follow' || objectType === undefined) {
    const follow = await findFollowFromActivity(activity.object)
    if (follow) {
      if (follow.actorId !== byActor.id) {
        log.warn(`Undo ${activity.id} by ${byActor.url} of a follow made by another actor: ignored`)
        return 'ignored'
      }
      await follow.destroy()
      return 'processed'
    }
    if (objectType === 'Follow') return 'processed'
  }

  if (await runObjectActivityHandlers('Undo', context)) return 'processed'
  // Undoing what we never stored (a like of a video we do not keep likes of) is nothing to worry about.
  if (objectType && UNDOABLE_TYPES.includes(objectType)) {
    log.debug(`Undo ${activity.id} of ${objectType}: nothing to undo here`)
    return 'processed'
  }
  log.warn(`Undo ${activity.id} of ${objectType ?? 'an unknown object'} from ${byActor.url}: no handler, ignored`)
  return 'ignored'
}
