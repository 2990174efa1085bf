import { ACTOR_TYPES } from '../../../../shared/models/actors.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { getObjectId, getObjectType } from '../activity-types.js'
import { refreshRemoteActor } from '../actors/get-actor.js'
import { deleteRemoteActor } from '../actors/store-remote-actor.js'
import { canActorHandleObject } from '../ownership.js'
import type { ActivityContext } from './activity-context.js'
import { runObjectActivityHandlers, type ObjectActivityType } from './object-handlers.js'

// Activities about objects. The federation core handles the actor's own document (Update / Delete of itself);
// Videos and other objects are handled by the modules that own them, through registerObjectActivityHandler().

const log = loggerWithTags('activitypub', 'inbox')

function isActorType (type: string | undefined) {
  return type !== undefined && (ACTOR_TYPES as readonly string[]).includes(type)
}

async function dispatch (activityType: ObjectActivityType, context: ActivityContext) {
  if (await runObjectActivityHandlers(activityType, context)) return
  const object = context.activity.object
  log.debug(`${activityType} ${context.activity.id} of ${getObjectType(object) ?? getObjectId(object) ?? 'nothing'}: no handler, ignored`)
}

/** Create/Update/Delete may only touch what lives on the actor's origin. */
function ownsObject (context: ActivityContext) {
  const objectId = getObjectId(context.activity.object)
  if (objectId && canActorHandleObject(context.byActor.url, objectId)) return true

  log.warn(`${context.activity.type} ${context.activity.id} by ${context.byActor.url} of ${objectId ?? 'an object without id'}: ` +
    'the object is not on the actor\'s origin, ignored')
  return false
}

export async function processCreate (context: ActivityContext) {
  if (!ownsObject(context)) return
  await dispatch('Create', context)
}

export async function processUpdate (context: ActivityContext) {
  if (!ownsObject(context)) return

  const { activity, byActor } = context
  // An actor's new profile: read it from its origin rather than trusting the embedded copy.
  if (isActorType(getObjectType(activity.object)) && getObjectId(activity.object) === byActor.url) {
    if (!byActor.isLocal()) await refreshRemoteActor(byActor)
    return
  }

  await dispatch('Update', context)
}

export async function processDelete (context: ActivityContext) {
  if (!ownsObject(context)) return

  const { activity, byActor } = context
  if (getObjectId(activity.object) === byActor.url) {
    if (!byActor.isLocal()) {
      log.info(`Remote actor ${byActor.url} deleted itself`)
      await deleteRemoteActor(byActor)
    }
    return
  }

  await dispatch('Delete', context)
}

export async function processAnnounce (context: ActivityContext) {
  await dispatch('Announce', context)
}

export async function processLike (context: ActivityContext) {
  await dispatch('Like', context)
}

export async function processDislike (context: ActivityContext) {
  await dispatch('Dislike', context)
}

export async function processView (context: ActivityContext) {
  await dispatch('View', context)
}

export async function processFlag (context: ActivityContext) {
  await dispatch('Flag', context)
}
