import { loggerWithTags } from '../../../helpers/logger.js'
import { RemoteRequestError } from '../../../helpers/requests/index.js'
import { REMOTE_ACTORS } from '../../../initializers/constants/federation.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { loadAccountByActorId } from '../../../models/actor/queries/actor-queries.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { outsideUnitOfWork } from '../../unit-of-work/unit-of-work.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isLocalHost, isLocalUrl } from '../local-urls.js'
import { checkActorIdentity } from './actor-identity.js'
import { parseRemoteActorDocument, type RemoteActorData } from './remote-actor-document.js'
import { deleteRemoteActor, storeRemoteActor } from './store-remote-actor.js'

const log = loggerWithTags('activitypub', 'actors')

export class ActorNotFoundError extends Error {
  constructor (url: string, reason: string) {
    super(`Cannot get actor ${url}: ${reason}`)
    this.name = 'ActorNotFoundError'
  }
}

// Concurrent requests for the same unknown actor (a burst of deliveries) share one fetch, and one store.
const fetching = new Map<string, Promise<RemoteActorData>>()
const storing = new Map<string, Promise<ActorModel>>()

/**
 * The actor at `url`: ours, stored, or fetched and stored now. A stored remote actor older than a day is
 * returned as is and refreshed in the background (activitypub-refresher).
 */
export async function getOrCreateActorByUrl (url: string, depth = 0): Promise<ActorModel> {
  const stored = await ActorModel.loadByUrl(url)
  if (stored) {
    if (!stored.isLocal()) scheduleRefreshIfStale(stored)
    return stored
  }
  if (isLocalUrl(url)) throw new ActorNotFoundError(url, 'no such local actor')

  return storeFetchedActor(await fetchRemoteActor(url), depth)
}

/**
 * The actor document at `url`, fetched from its origin and checked, but not stored: the inbox verifies a
 * signature with it first, and stores the actor only once the request is proven and admitted.
 */
export function fetchRemoteActor (url: string): Promise<RemoteActorData> {
  const running = fetching.get(url)
  if (running) return running

  const promise = (async () => {
    const { body } = await fetchRemoteObject(url)
    const data = parseRemoteActorDocument(body)
    if (isLocalUrl(data.url) || isLocalHost(data.url)) throw new ActorNotFoundError(url, 'a remote document claims one of our URLs')
    return data
  })().finally(() => fetching.delete(url))
  fetching.set(url, promise)
  return promise
}

/** Stores a fetched actor (and, for a channel, its owner account, fetched when unknown). */
export function storeFetchedActor (data: RemoteActorData, depth = 0): Promise<ActorModel> {
  const running = storing.get(data.url)
  if (running) return running

  const promise = doStore(data, depth).finally(() => storing.delete(data.url))
  storing.set(data.url, promise)
  return promise
}

/** Fetches the actor's document again and stores it (new keys, endpoints, names). Deletes it when it is gone. */
export async function refreshRemoteActor (actor: ActorModel): Promise<ActorModel | undefined> {
  if (actor.isLocal()) return actor

  try {
    return await storeFetchedActor(await fetchRemoteActor(actor.url), 0)
  } catch (err) {
    if (err instanceof RemoteRequestError && (err.status === 404 || err.status === 410)) {
      log.info(`Remote actor ${actor.url} is gone (${err.status}): deleting it`)
      await deleteRemoteActor(actor)
      return undefined
    }
    throw err
  }
}

export function isActorStale (actor: ActorModel) {
  if (actor.isLocal()) return false
  const fetchedAt = actor.lastFetchedAt?.getTime() ?? 0
  return Date.now() - fetchedAt > REMOTE_ACTORS.REFRESH_AFTER_MS
}

export function scheduleRefreshIfStale (actor: ActorModel) {
  if (!isActorStale(actor)) return

  // The dedup key makes a burst of uses queue a single refresh; it is not part of the caller's unit of work.
  outsideUnitOfWork(() => jobQueue.createJob('activitypub-refresher', { type: 'actor', url: actor.url }, { dedupKey: `refresh-actor:${actor.url}` }))
    .catch(err => log.warn(`Cannot schedule the refresh of ${actor.url}`, { err }))
}

async function doStore (data: RemoteActorData, depth: number): Promise<ActorModel> {
  let ownerAccount
  if (data.type === 'Group') {
    if (!data.ownerUrl) throw new ActorNotFoundError(data.url, 'a channel (Group) without its owner account (attributedTo)')
    if (depth >= REMOTE_ACTORS.MAX_OWNER_DEPTH) throw new ActorNotFoundError(data.url, 'owner chain too deep')

    const owner = await getOrCreateActorByUrl(data.ownerUrl, depth + 1)
    if (owner.type === 'Group') throw new ActorNotFoundError(data.url, 'its owner is a channel')
    ownerAccount = await loadAccountByActorId(owner.id) ?? undefined
    if (!ownerAccount) throw new ActorNotFoundError(data.url, `its owner ${data.ownerUrl} has no account`)
  }

  // A handle or a host another origin holds here stays theirs (the holder is asked first whether it still exists).
  await checkActorIdentity(data, holder => refreshRemoteActor(holder))

  try {
    return await storeRemoteActor(data, ownerAccount)
  } catch (err) {
    // Another process stored it between our look-up and our insert: theirs is as good.
    const stored = await ActorModel.loadByUrl(data.url)
    if (stored && (err as Error).name === 'SequelizeUniqueConstraintError') return stored
    throw err
  }
}
