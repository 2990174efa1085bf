import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { getObjectId, isObject } from '../activity-types.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'
import { fetchAndStoreRemotePlaylist } from './store-remote-playlist.js'

const log = loggerWithTags('activitypub', 'playlists')

/** Read one remote playlist again, or all the public playlists of a remote actor (its `playlists` collection). */
export type RemotePlaylistFetchPayload = { playlistUrl: string } | { actorUrl: string }

const MAX_PLAYLISTS_PER_ACTOR = 200

/**
 * activitypub-playlist-fetch: used when a remote channel or account is followed (its existing playlists) and to
 * refresh a stale copy. Each playlist is read from its origin with its elements.
 */
export async function processRemotePlaylistFetch (job: Job<RemotePlaylistFetchPayload>) {
  if ('playlistUrl' in job.data) {
    await fetchAndStoreRemotePlaylist(job.data.playlistUrl)
    return { playlists: 1 }
  }

  const actor = (await fetchRemoteObject(job.data.actorUrl)).body
  const collectionUrl = typeof actor.playlists === 'string' ? actor.playlists : undefined
  if (!collectionUrl || !isSameOrigin(collectionUrl, job.data.actorUrl)) return { playlists: 0 }

  const urls: string[] = []
  const root = (await fetchRemoteObject(collectionUrl)).body
  let page: Record<string, unknown> | undefined = isObject(root.first) ? root.first : undefined
  let pageUrl = page ? undefined : getObjectId(root.first)
  for (let pages = 0; (page || pageUrl) && urls.length < MAX_PLAYLISTS_PER_ACTOR && pages < 50; pages++) {
    if (!page) page = (await fetchRemoteObject(pageUrl!)).body
    const items = Array.isArray(page.orderedItems) ? page.orderedItems : []
    for (const item of items) {
      const url = getObjectId(item)
      if (url && isSameOrigin(url, collectionUrl)) urls.push(url)
    }
    const next = getObjectId(page.next)
    pageUrl = next !== pageUrl ? next : undefined
    page = undefined
  }

  let stored = 0
  for (const url of urls.slice(0, MAX_PLAYLISTS_PER_ACTOR)) {
    try {
      if (await fetchAndStoreRemotePlaylist(url)) stored++
    } catch (err) {
      log.info(`Cannot store remote playlist ${url}: ${(err as Error).message}`)
    }
  }
  return { playlists: stored }
}
