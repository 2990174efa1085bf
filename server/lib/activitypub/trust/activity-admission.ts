import { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import { VideoModel } from '../../../models/video/video.js'
import { getObjectId, getObjectType, isObject, type Activity } from '../activity-types.js'
import { isLocalUrl } from '../local-urls.js'
import { attributedActorUrls, isRelatedInstance, mayStoreRemoteContent } from './content-policy.js'

/**
 * Checked by the inbox before anything is kept (the signer's actor row included): activities that could only put
 * unfollowed content here are refused at once (403), so the sender learns it and nothing is stored. Processors ask
 * the same rules again when they run (a follow may have ended in between), and decide alone for what cannot be
 * judged here. Videos and playlists are judged by the same rule. Returns why it is refused, or undefined.
 */
export async function whyRefuseActivity (activity: Activity, byActorUrl: string): Promise<string | undefined> {
  switch (activity.type) {
    case 'Create':
    case 'Update':
      return whyRefuseVideoPublication(activity, byActorUrl)
    case 'Announce':
      return whyRefuseAnnounce(activity, byActorUrl)
    case 'View':
      return whyRefuseView(activity, byActorUrl)
    default:
      return undefined
  }
}

async function whyRefuseVideoPublication (activity: Activity, byActorUrl: string) {
  const object = activity.object
  // An object given by URL only would have to be fetched to be judged: only followed actors may send those.
  if (!isObject(object)) {
    const url = getObjectId(object)
    if (url === byActorUrl || (url && await VideoModel.loadByUrl(url))) return undefined
    return await mayStoreRemoteContent({ actorUrls: [ byActorUrl ] }) ? undefined : 'send the object inline: nobody here follows this actor'
  }
  const type = getObjectType(object)
  if (type !== 'Video' && type !== 'Playlist') return undefined

  const url = getObjectId(object)
  // What we have (followed then, or fetched on purpose): its origin keeps it up to date.
  if (url && await isStored(type, url)) return undefined

  if (await mayStoreRemoteContent({ actorUrls: [ byActorUrl, ...attributedActorUrls(object.attributedTo) ] })) return undefined
  return `nobody here follows the publisher of this ${type === 'Video' ? 'video' : 'playlist'}`
}

async function isStored (type: 'Video' | 'Playlist', url: string) {
  if (type === 'Video') return (await VideoModel.loadByUrl(url)) !== null
  return (await VideoPlaylistModel.findOne({ where: { url }, attributes: [ 'id' ] })) !== null
}

async function whyRefuseAnnounce (activity: Activity, byActorUrl: string) {
  const objectUrl = getObjectId(activity.object)
  // A share of our own content (a boost) brings nothing here: anyone may, as with PeerTube (comments/ shares).
  if (objectUrl && isLocalUrl(objectUrl)) return undefined
  return await mayStoreRemoteContent({ actorUrls: [ byActorUrl ] }) ? undefined : 'Announces are honoured only from followed actors'
}

async function whyRefuseView (activity: Activity, byActorUrl: string) {
  const objectUrl = getObjectId(activity.object)
  if (!objectUrl) return undefined
  if (isLocalUrl(objectUrl)) {
    return await isRelatedInstance(byActorUrl) ? undefined : 'views are counted from instances that follow us or that we follow'
  }
  // A remote video we have: its origin's counter is taken (and views other instances' origins forward are
  // answered, then ignored). A video we do not have is nobody's business here.
  if (await VideoModel.loadByUrl(objectUrl)) return undefined
  return await isRelatedInstance(byActorUrl) ? undefined : 'views of videos we do not have are taken from instances that know us only'
}
