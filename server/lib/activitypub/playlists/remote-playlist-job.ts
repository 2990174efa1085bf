import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { readCollectionItemIds } from '../collections/read-collection.js'
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

  const root = (await fetchRemoteObject(collectionUrl)).body
  const urls = await readCollectionItemIds(root, { max: MAX_PLAYLISTS_PER_ACTOR })

  let stored = 0
  for (const url of urls) {
    try {
      if (await fetchAndStoreRemotePlaylist(url)) stored++
    } catch (err) {
      log.info(`Cannot store remote playlist ${url}: ${(err as Error).message}`)
    }
  }
  return { playlists: stored }
}
