/**
 * Who may speak for what. An actor may only create, update or delete objects that live on its own origin
 * (scheme + host + port): a remote instance cannot rewrite another instance's videos.
 */

export function urlOrigin (url: string): string | undefined {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
    return parsed.origin
  } catch {
    return undefined
  }
}

export function urlHost (url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return undefined
  }
}

/** True when both are http(s) URLs of the same origin. */
export function isSameOrigin (a: string, b: string): boolean {
  const originA = urlOrigin(a)
  return originA !== undefined && originA === urlOrigin(b)
}

/** The rule for Create/Update/Delete: the object's id must share the acting actor's origin. */
export function canActorHandleObject (actorUrl: string, objectId: string): boolean {
  return isSameOrigin(actorUrl, objectId)
}

export class OwnershipError extends Error {
  constructor (actorUrl: string, objectId: string) {
    super(`${actorUrl} may not act on ${objectId}: it lives on another origin`)
    this.name = 'OwnershipError'
  }
}

export function assertActorOwnsObject (actorUrl: string, objectId: string) {
  if (!canActorHandleObject(actorUrl, objectId)) throw new OwnershipError(actorUrl, objectId)
}
