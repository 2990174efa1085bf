import type { ActivityContext } from './activity-context.js'

/**
 * Handlers for the objects activities carry (Videos, comments, playlists...), plugged in by the modules that own
 * those objects. A handler returns true when the object was its to handle; the first that does wins.
 *
 * The object is `context.activity.object`: inline or a bare URL (Announce, Delete, Undo of a Like often carry
 * only the URL). Create/Update/Delete handlers get objects whose id the actor owns (same origin, checked
 * before they run); Announce/Like/Dislike/View/Flag/Undo handlers must check what they need themselves.
 */
export type ObjectActivityHandler = (context: ActivityContext) => Promise<boolean>

export const OBJECT_ACTIVITY_TYPES = [ 'Create', 'Update', 'Delete', 'Announce', 'Like', 'Dislike', 'View', 'Flag', 'Undo' ] as const
export type ObjectActivityType = typeof OBJECT_ACTIVITY_TYPES[number]

const handlers = new Map<ObjectActivityType, ObjectActivityHandler[]>()

export function registerObjectActivityHandler (activityType: ObjectActivityType, handler: ObjectActivityHandler) {
  const list = handlers.get(activityType) ?? []
  list.push(handler)
  handlers.set(activityType, list)
}

/** True when a registered handler took the object. */
export async function runObjectActivityHandlers (activityType: ObjectActivityType, context: ActivityContext) {
  for (const handler of handlers.get(activityType) ?? []) {
    if (await handler(context)) return true
  }
  return false
}
