/** Loose shapes of incoming ActivityPub JSON: remote data, every field checked before use. */

export type ApObjectOrUrl = string | ApObject

export interface ApObject {
  id?: unknown
  type?: unknown
  [key: string]: unknown
}

/** An activity as received (after the inbox checked it has an id, a type and an actor). */
export interface Activity extends ApObject {
  id: string
  type: string
  actor: ApObjectOrUrl
  object?: unknown
}

/** An activity we build, before @context and signature are added. */
export interface OutgoingActivity {
  id: string
  type: string
  actor: string
  object?: unknown
  to?: string[]
  cc?: string[]
  [key: string]: unknown
}

export function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `id` of an object given inline or as its URL; undefined when neither. */
export function getObjectId (value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (isObject(value) && typeof value.id === 'string') return value.id
  return undefined
}

export function getObjectType (value: unknown): string | undefined {
  if (isObject(value) && typeof value.type === 'string') return value.type
  return undefined
}

/** The activity's actor URL (actor given as URL or inline object). */
export function getActivityActorUrl (activity: { actor?: unknown }): string | undefined {
  return getObjectId(activity.actor)
}
