import { ACTOR_TYPES } from '../../../../shared/models/actors.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { getObjectId, getObjectType } from '../activity-types.js'
import { refreshRemoteActor } from '../actors/get-actor.js'
import { deleteRemoteActor } from '../actors/store-remote-actor.js'
import { canActorHandleObject } from '../ownership.js'
import type { ActivityContext, ActivityOutcome } from './activity-context.js'
import { runObjectActivityHandlers, type ObjectActivityType } from './object-handlers.js'

// Activities about objects. The federation core handles the actor's own document (Update / Delete of itself);
// Videos and other objects are handled by the modules that own them, through registerObjectActivityHandler().

const log = loggerWithTags('activitypub', 'inbox')

function isActorType (type: string | undefined) {
  return type !== undefined && (ACTOR_TYPES as readonly string[]).includes(type)
}

/**
 * Hands the object to the handlers registered for this activity type. Nobody taking it means we do not handle
 * it: a warning, and the 'ignored' outcome. For Delete, an object we do not have is the common case (servers
 * announce every deletion to everyone): nothing to do, at debug level.
 */
async function dispatch (activityType: ObjectActivityType, context: ActivityContext): Promise<ActivityOutcome> {
  if (await runObjectActivityHandlers(activityType, context)) return 'processed'
  const object = context.activity.object
  const what = `${activityType} ${context.activity.id} of ${getObjectType(object) ?? getObjectId(object) ?? 'nothing'}`
  if (activityType === 'Delete') {
    log.debug(`${what}: nothing of ours to delete`)
    return 'processed'
  }
  log.warn(`${what} from ${context.byActor.url}: no handler, ignored`)
  return 'ignored'
}

/**
 * Who, besides the object's own origin, may delete an object: modules grant it (the owner of one of our
 * videos may delete a remote comment on it). An authority returns true to allow the Delete.
 */
export type DeleteAuthority = (context: ActivityContext) => Promise<boolean>
const deleteAuthorities: DeleteAuthority[] = []

export function registerDeleteAuthority (authority: DeleteAuthority) {
  deleteAuthorities.push(authority)
}

async function mayDeleteForeignObject (context: ActivityContext) {
  for (const authority of deleteAuthorities) {
    if (await authority(context)) return true
  }
  return false
}

/** Create/Update/Delete may only touch what lives on the actor's origin (or what an authority grants, for Delete). */
async function ownsObject (context: ActivityContext) {
  const objectId = getObjectId(context.activity.object)
  if (objectId && canActorHandleObject(context.byActor.url, objectId)) return true
  if (objectId && context.activity.type === 'Delete' && await mayDeleteForeignObject(context)) return true

  log.warn(`${context.activity.type} ${context.activity.id} by ${context.byActor.url} of ${objectId ?? 'an object without id'}: ` +
    'the object is not on the actor\'s origin, ignored')
  return false
}

export async function processCreate (context: ActivityContext) {
  if (!await ownsObject(context)) return 'ignored'
  return dispatch('Create', context)
}

export async function processUpdate (context: ActivityContext) {
  if (!await ownsObject(context)) return 'ignored'

  const { activity, byActor } = context
  // An actor's new profile: read it from its origin rather than trusting the embedded copy.
  if (isActorType(getObjectType(activity.object)) && getObjectId(activity.object) === byActor.url) {
    if (!byActor.isLocal()) await refreshRemoteActor(byActor)
    return 'processed'
  }

  return dispatch('Update', context)
}

export async function processDelete (context: ActivityContext) {
  if (!await ownsObject(context)) return 'ignored'

  const { activity, byActor } = context
  if (getObjectId(activity.object) === byActor.url) {
    if (!byActor.isLocal()) {
      log.info(`Remote actor ${byActor.url} deleted itself`)
      await deleteRemoteActor(byActor)
    }
    return 'processed'
  }

  return dispatch('Delete', context)
}

export async function processAnnounce (context: ActivityContext) {
  return dispatch('Announce', context)
}

export async function processLike (context: ActivityContext) {
  return dispatch('Like', context)
}

export async function processDislike (context: ActivityContext) {
  return dispatch('Dislike', context)
}

export async function processView (context: ActivityContext) {
  return dispatch('View', context)
}

export async function processFlag (context: ActivityContext) {
  return dispatch('Flag', context)
}
