import { VideoModel } from '../../../models/video/video.js'
import { getObjectId, isObject } from '../../activitypub/activity-types.js'
import { isSameOrigin } from '../../activitypub/ownership.js'
import type { ActivityContext } from '../../activitypub/process/activity-context.js'
import { noteRemoteViewer } from '../viewers/live-viewers.js'

/**
 * A View with `expires` (a viewer): on one of our videos, a remote instance's viewer, counted until it expires;
 * on a remote video, from its origin, the origin's count (`result.userInteractionCount`).
 */
export async function processViewerActivity ({ activity, byActor }: ActivityContext) {
  if (activity.expires === undefined) return false
  const url = getObjectId(activity.object)
  const expires = typeof activity.expires === 'string' ? new Date(activity.expires) : undefined
  if (!url || !expires || Number.isNaN(expires.getTime())) return false
  const video = await VideoModel.loadByUrl(url)
  if (!video) return true

  if (!video.remote) {
    if (!byActor.isLocal()) await noteRemoteViewer(video.id, activity.id, expires)
    return true
  }
  const result = isObject(activity.result) ? activity.result : undefined
  const count = result?.type === 'InteractionCounter' && result.interactionType === 'WatchAction' ? result.userInteractionCount : undefined
  if (isSameOrigin(video.url, byActor.url) && typeof count === 'number' && Number.isInteger(count) && count >= 0) {
    await VideoModel.update({ viewers: expires.getTime() > Date.now() ? count : 0 }, { where: { id: video.id }, silent: true })
  }
  return true
}
