import { loggerWithTags } from '../../../helpers/logger.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import { VideoModel } from '../../../models/video/video.js'
import { deleteVideo } from '../../videos/delete-video.js'
import { getObjectId, getObjectType, isObject } from '../activity-types.js'
import { registerRefresher } from '../jobs/refresher-job.js'
import { isSameOrigin } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'
import { registerObjectActivityHandler } from '../process/object-handlers.js'
import { fetchVideoObject, getOrFetchRemoteVideo, refreshRemoteVideo, upsertRemoteVideo } from './get-remote-video.js'
import { isVideoObject } from './parse-video-object.js'

const log = loggerWithTags('activitypub', 'videos')

/**
 * Create or Update of a Video. The core has checked that the object lives on the actor's origin, so an inline
 * object is as authentic as the signed activity; a bare URL is read from the origin. An Update of a video we do
 * not have stores it, as PeerTube does (we may have missed its Create).
 */
async function processCreateOrUpdate ({ activity, fromOutbox }: ActivityContext) {
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
 * Announce of a video (by a channel, an instance, anyone): the video is read from its origin, whatever the
 * announcer embedded, and the share is recorded (it feeds the video's announces collection).
 */
async function processAnnounce ({ activity, byActor, fromOutbox }: ActivityContext) {
  const type = getObjectType(activity.object)
  if (type !== undefined && type !== 'Video') return false
  const url = getObjectId(activity.object)
  if (!url) return false

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

/**
 * View: for one of our videos, a remote viewer (one more view); for a remote video, its origin's count
 * (`result.userInteractionCount`), taken from its origin only.
 */
async function processView ({ activity, byActor }: ActivityContext) {
  // A View that expires is a viewer (PeerTube's viewers protocol): the live module counts those.
  if (activity.expires !== undefined) return false
  const url = getObjectId(activity.object)
  if (!url) return false
  const video = await VideoModel.loadByUrl(url)
  if (!video) return false

  if (!video.remote) {
    if (!byActor.isLocal()) await VideoModel.increment('views', { by: 1, where: { id: video.id }, silent: true })
    return true
  }

  const result = isObject(activity.result) ? activity.result : undefined
  const count = result?.userInteractionCount
  if (isSameOrigin(video.url, byActor.url) && typeof count === 'number' && Number.isInteger(count) && count >= 0) {
    await VideoModel.update({ views: count }, { where: { id: video.id }, silent: true })
  }
  return true
}

export function registerRemoteVideoHandlers () {
  registerObjectActivityHandler('Create', processCreateOrUpdate)
  registerObjectActivityHandler('Update', processCreateOrUpdate)
  registerObjectActivityHandler('Delete', processDelete)
  registerObjectActivityHandler('Announce', processAnnounce)
  registerObjectActivityHandler('Undo', processUndo)
  registerObjectActivityHandler('View', processView)
  registerRefresher('video', refreshRemoteVideo)
}
