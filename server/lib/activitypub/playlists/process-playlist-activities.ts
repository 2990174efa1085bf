import { loggerWithTags } from '../../../helpers/logger.js'
import { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import { getObjectId, getObjectType, isObject } from '../activity-types.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'
import { registerObjectActivityHandler } from '../process/object-handlers.js'
import { attributedActorUrls, mayStoreRemoteContent } from '../trust/content-policy.js'
import { isPlaylistObject, upsertRemotePlaylist } from './store-remote-playlist.js'

const log = loggerWithTags('activitypub', 'playlists')

/**
 * Create or Update of a Playlist (the core checked the object lives on the actor's origin). A bare URL is read
 * from the origin, and so is a Playlist that only names its elements (they always are: element pages are read).
 */
async function processCreateOrUpdate ({ activity, byActor }: ActivityContext) {
  let object = activity.object
  const type = getObjectType(object)
  if (type !== undefined && type !== 'Playlist') return false
  if (!isObject(object)) {
    const url = getObjectId(object)
    if (!url) return false
    object = (await fetchRemoteObject(url)).body
  }
  if (!isPlaylistObject(object)) return false

  const stored = await VideoPlaylistModel.findOne({ where: { url: String(object.id) }, attributes: [ 'id', 'remote' ] })
  if (stored && !stored.remote) {
    log.warn(`${activity.type} ${activity.id} targets our own playlist ${String(object.id)}: ignored`)
    return true
  }
  // Only followed content is stored (trust/): a playlist we do not have needs a followed actor or owner.
  if (!stored && !await mayStoreRemoteContent({ actorUrls: [ byActor.url, ...attributedActorUrls(object.attributedTo) ] })) {
    log.info(`${activity.type} ${activity.id} by ${byActor.url}: nobody here follows its publisher, not stored`)
    return true
  }
  await upsertRemotePlaylist(object, activity.to)
  return true
}

/** Delete of a remote playlist, by its origin only. */
async function processDelete ({ activity, byActor }: ActivityContext) {
  const url = getObjectId(activity.object)
  if (!url) return false
  const playlist = await VideoPlaylistModel.findOne({ where: { url } })
  if (!playlist) return false
  if (!playlist.remote || !isSameOrigin(playlist.url, byActor.url)) {
    log.warn(`Delete ${activity.id} by ${byActor.url} of playlist ${playlist.url}, which it does not own: ignored`)
    return true
  }
  await playlist.destroy()
  log.info(`Remote playlist ${url} deleted by ${byActor.url}`)
  return true
}

let registered = false

/** Called once at start-up, with the video federation. */
export function registerPlaylistFederation () {
  if (registered) return
  registered = true
  registerObjectActivityHandler('Create', processCreateOrUpdate)
  registerObjectActivityHandler('Update', processCreateOrUpdate)
  registerObjectActivityHandler('Delete', processDelete)
}
