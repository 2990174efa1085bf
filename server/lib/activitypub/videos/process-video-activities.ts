import { loggerWithTags } from '../../../helpers/logger.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import { VideoModel } from '../../../models/video/video.js'
import { deleteVideo } from '../../videos/delete-video.js'
import { getObjectId, getObjectType, isObject } from '../activity-types.js'
import { registerRefresher } from '../jobs/refresher-job.js'
import { isLocalUrl } from '../local-urls.js'
import { isSameOrigin } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'
import { registerObjectActivityHandler } from '../process/object-handlers.js'
import { mayStoreRemoteContent } from '../trust/content-policy.js'
import { fetchVideoObject, getOrFetchRemoteVideo, refreshRemoteVideo, upsertRemoteVideo } from './get-remote-video.js'
import { isVideoObject, parseAttributedTo } from './parse-video-object.js'
import { processVideoView } from './process-video-view.js'

const log = loggerWithTags('activitypub', 'videos')

/**
 * Create or Update of a Video. The core has checked that the object lives on the actor's origin, so an inline
 * object is as authentic as the signed activity; a bare URL is read from the origin. An Update of a video we do
 * not have stores it, as PeerTube does (we may have missed its Create), if we follow its publisher: a video we
 * do not have is stored only when the actor, its channel or its account is followed here (trust/).
 */
async function processCreateOrUpdate ({ activity, byActor, fromOutbox }: ActivityContext) {
  let object = activity.object
  if (!isObject(object)) {
    const url = getObjectId(object)
    if (!url) return false
    object = await fetchVideoObject(url)
  }
  if (!isVideoObject(object)) return false

  const stored = await VideoModel.loadByUrl(String(object.id))
  if (stored && !stored.remote) {
    log.warn(`${activity.type} ${activity.id} targets our own video ${stored.url}: ignored`)
    return true
  }
  if (!stored) {
    const { channelUrl, accountUrl } = parseAttributedTo(object.attributedTo)
    if (!await mayStoreRemoteContent({ actorUrls: [ byActor.url, channelUrl, accountUrl ] })) {
      log.info(`${activity.type} ${activity.id} by ${byActor.url}: nobody here follows its publisher, not stored`)
      return true
    }
  }

  await upsertRemoteVideo(object, activity.to, { notifyIfNew: !fromOutbox })
  return true
}

/** Delete of a video, accepted from its origin only (checked by the core for Delete activities, again here). */
async function processDelete ({ activity, byActor }: ActivityContext) {
  const url = getObjectId(activity.object)
  if (!url) return false
  const video = await VideoModel.findOne({ where: { url }, include: detailsIncludes() })
  if (!video) return false

  if (!video.remote || !isSameOrigin(video.url, byActor.url)) {
    log.warn(`Delete ${activity.id} by ${byActor.url} of video ${video.url}, which it does not own: ignored`)
    return true
  }
  log.info(`Remote video ${video.url} deleted by ${byActor.url}`)
  await deleteVideo(video)
  return true
}

/**
 * Announce of a video: honoured from actors followed here only (a followed channel, instance or user vouches for
 * what it shares); the video is read from its origin, whatever the announcer embedded, and the share is recorded
 * (it feeds the video's announces collection and lists the video). A share of one of our videos (a boost) is
 * recorded whoever makes it: it brings nothing new here.
 */
async function processAnnounce ({ activity, byActor, fromOutbox }: ActivityContext) {
  const type = getObjectType(activity.object)
  if (type !== undefined && type !== 'Video') return false
  const url = getObjectId(activity.object)
  if (!url) return false

  const wanted = isLocalUrl(url) || await mayStoreRemoteContent({ actorUrls: [ byActor.url ] })
  if (!wanted) {
    log.info(`Announce ${activity.id} by ${byActor.url}: not followed here, ignored`)
    return true
  }

  const video = await getOrFetchRemoteVideo(url, { notifyIfNew: !fromOutbox })
  if (!video) return false

  if (isSameOrigin(activity.id, byActor.url)) {
    await VideoShareModel.findOrCreateShare({ url: activity.id, actorId: byActor.id, videoId: video.id })
  }
  return true
}

/** Undo of an Announce: the share goes (only its author can undo it). */
async function processUndo ({ activity, byActor }: ActivityContext) {
  if (getObjectType(activity.object) !== 'Announce') return false
  const shareUrl = getObjectId(activity.object)
  if (!shareUrl) return false
  return (await VideoShareModel.destroyByUrlAndActor(shareUrl, byActor.id)) !== 0
}

export function registerRemoteVideoHandlers () {
  registerObjectActivityHandler('Create', processCreateOrUpdate)
  registerObjectActivityHandler('Update', processCreateOrUpdate)
  registerObjectActivityHandler('Delete', processDelete)
  registerObjectActivityHandler('Announce', processAnnounce)
  registerObjectActivityHandler('Undo', processUndo)
  registerObjectActivityHandler('View', processVideoView)
  registerRefresher('video', refreshRemoteVideo)
}
