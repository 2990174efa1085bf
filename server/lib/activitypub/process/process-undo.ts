import { loggerWithTags } from '../../../helpers/logger.js'
import { getObjectType } from '../activity-types.js'
import type { ActivityContext } from './activity-context.js'
import { findFollowFromActivity } from './find-follow.js'
import { runObjectActivityHandlers } from './object-handlers.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * Undo of a Follow (the follower leaves), or of something another module handles (Like, Dislike, Announce...,
 * through the 'Undo' object handlers). Only the actor who did it can undo it.
 */
export async function processUndo (context: ActivityContext) {
  const { activity, byActor } = context
  const objectType = getObjectType(activity.object)

  if (objectType === 'Follow' || objectType === undefined) {
    const follow = await findFollowFromActivity(activity.object)
    if (follow) {
      if (follow.actorId !== byActor.id) {
        log.warn(`Undo ${activity.id} by ${byActor.url} of a follow made by another actor: ignored`)
        return
      }
      await follow.destroy()
      return
    }
    if (objectType === 'Follow') return
  }

  if (!await runObjectActivityHandlers('Undo', context)) {
    log.debug(`Undo ${activity.id} of ${objectType ?? 'an unknown object'}: nothing to undo here`)
  }
}
