import { ACTOR_TYPES, type ActorType } from '../../../../shared/models/actors.js'
import { publicKeyObject } from '../../../helpers/crypto/rsa-keys.js'
import { REMOTE_ACTORS } from '../../../initializers/constants/federation.js'
import { getObjectId, isObject } from '../activity-types.js'
import { isSameOrigin, urlOrigin } from '../ownership.js'

export interface RemoteActorImage {
  url: string
  mediaType: string | null
  width: number | null
  height: number | null
}

/** A remote actor document, checked and reduced to what we store. */
export interface RemoteActorData {
  url: string
  type: ActorType
  preferredUsername: string
  /** Display name (account or channel name). */
  name: string
  summary: string | null
  support: string | null
  publicKeyPem: string
  inboxUrl: string
  sharedInboxUrl: string | null
  outboxUrl: string | null
  followersUrl: string | null
  followingUrl: string | null
  published: Date | null
  /** A Group's owner (first Person of attributedTo). */
  ownerUrl: string | null
  icons: RemoteActorImage[]
  banners: RemoteActorImage[]
}

export class InvalidRemoteActorError extends Error {
  constructor (url: string, reason: string) {
    super(`Invalid remote actor ${url}: ${reason}`)
    this.name = 'InvalidRemoteActorError'
  }
}

const USERNAME_PATTERN = /^[^\s@/#?]{1,100}$/u

/**
 * Checks a fetched actor document (whose id is already known to live where it was served) and extracts our
 * fields. Endpoints must share the actor's origin: an actor cannot route its deliveries to another server.
 */
export function parseRemoteActorDocument (body: Record<string, unknown>): RemoteActorData {
  const url = typeof body.id === 'string' ? body.id : ''
  const fail = (reason: string): never => { throw new InvalidRemoteActorError(url || '(no id)', reason) }

  if (!urlOrigin(url)) fail('id is not an http(s) URL')
  if (typeof body.type !== 'string' || !(ACTOR_TYPES as readonly string[]).includes(body.type)) fail(`unsupported type ${String(body.type)}`)

  const preferredUsername = body.preferredUsername
  if (typeof preferredUsername !== 'string' || !USERNAME_PATTERN.test(preferredUsername)) fail('invalid preferredUsername')

  const inboxUrl = sameOriginUrl(body.inbox, url)
  if (!inboxUrl) fail('inbox is missing or on another origin')

  const endpoints = isObject(body.endpoints) ? body.endpoints : {}
  const publicKeyPem = parsePublicKey(body.publicKey, url) ?? fail('no usable publicKey')

  return {
    url,
    type: body.type as ActorType,
    preferredUsername: preferredUsername as string,
    name: text(body.name, REMOTE_ACTORS.MAX_NAME_LENGTH) ?? preferredUsername as string,
    summary: text(body.summary, REMOTE_ACTORS.MAX_DESCRIPTION_LENGTH),
    support: text(body.support, REMOTE_ACTORS.MAX_SUPPORT_LENGTH),
    publicKeyPem,
    inboxUrl: inboxUrl as string,
    sharedInboxUrl: sameOriginUrl(endpoints.sharedInbox, url),
    outboxUrl: sameOriginUrl(body.outbox, url),
    followersUrl: sameOriginUrl(body.followers, url),
    followingUrl: sameOriginUrl(body.following, url),
    published: parseDate(body.published),
    ownerUrl: body.type === 'Group' ? findOwner(body.attributedTo) : null,
    icons: parseImages(body.icon),
    banners: parseImages(body.image)
  }
}

function sameOriginUrl (value: unknown, actorUrl: string): string | null {
  const url = getObjectId(value)
  if (!url || !isSameOrigin(url, actorUrl)) return null
  return url
}

function parsePublicKey (value: unknown, actorUrl: string): string | undefined {
  const key = Array.isArray(value) ? value.find(isObject) : value
  if (!isObject(key) || typeof key.publicKeyPem !== 'string') return undefined
  // A key claimed by another actor is not this actor's key.
  if (typeof key.owner === 'string' && key.owner !== actorUrl) return undefined

  try {
    publicKeyObject(key.publicKeyPem)
  } catch {
    return undefined
  }
  return key.publicKeyPem
}

function text (value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed
}

function parseDate (value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function findOwner (attributedTo: unknown): string | null {
  const entries = Array.isArray(attributedTo) ? attributedTo : [ attributedTo ]
  const person = entries.find(e => isObject(e) && e.type === 'Person' && typeof e.id === 'string')
  if (person) return (person as { id: string }).id
  const first = entries.find(e => typeof e === 'string')
  return typeof first === 'string' && urlOrigin(first) ? first : null
}

function parseImages (value: unknown): RemoteActorImage[] {
  const entries = Array.isArray(value) ? value : value === undefined || value === null ? [] : [ value ]
  const images: RemoteActorImage[] = []

  for (const entry of entries.slice(0, 10)) {
    if (!isObject(entry)) continue
    const url = typeof entry.url === 'string' ? entry.url : isObject(entry.url) && typeof entry.url.href === 'string' ? entry.url.href : undefined
    if (!url || !urlOrigin(url)) continue
    images.push({
      url,
      mediaType: typeof entry.mediaType === 'string' ? entry.mediaType : null,
      width: Number.isInteger(entry.width) ? entry.width as number : null,
      height: Number.isInteger(entry.height) ? entry.height as number : null
    })
  }
  return images
}
