import { loggerWithTags } from '../../../helpers/logger.js'
import { VideoModel } from '../../../models/video/video.js'
import { addRemoteViewerView } from '../../videos/video-views.js'
import { getObjectId, isObject } from '../activity-types.js'
import { isSameOrigin, urlHost } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'
import { isRelatedInstance } from '../trust/content-policy.js'

const log = loggerWithTags('activitypub', 'videos')

/**
 * View, as PeerTube's view protocol defines it. For one of our videos, a view by a viewer of another instance
 * (no `expires`): counted once per viewer id (the activity id) and window, from instances that know us, within a
 * per-instance cap; a "viewer" report (with `expires`, live viewer counts) is not a view. For a remote video, only
 * its origin speaks: its counter in `result` (userInteractionCount) when it is not a viewer report.
 * Viewer reports with `expires` are left to the next handler (lib/live counts them).
 * Unknown videos are not fetched for a View.
 */
export async function processVideoView ({ activity, byActor }: ActivityContext) {
  // A viewer report with `expires` is the live module's (live viewer counts, registered after this handler).
  if (activity.expires !== undefined) return false
  const url = getObjectId(activity.object)
  if (!url) return false
  const video = await VideoModel.loadByUrl(url)
  if (!video) return false

  const isViewerReport = activity.expires !== undefined || activity.expiration !== undefined

  if (!video.remote) {
    if (byActor.isLocal() || isViewerReport) return true
    const host = urlHost(byActor.url)
    if (!host || !await isRelatedInstance(byActor.url)) {
      log.info(`View ${activity.id} of ${video.url} by ${byActor.url}: its instance does not know us, not counted`)
      return true
    }
    if (!await addRemoteViewerView(video, activity.id, host)) log.debug(`View ${activity.id} of ${video.url} not counted (seen, or over the cap)`)
    return true
  }

  if (!isSameOrigin(video.url, byActor.url) || isViewerReport) return true
  const result = isObject(activity.result) ? activity.result : undefined
  const count = result?.userInteractionCount
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) {
    await VideoModel.update({ views: count }, { where: { id: video.id }, silent: true })
  }
  return true
}
