import { createHash } from 'node:crypto'
import { REMOTE_VIEWS_PER_INSTANCE_AND_VIDEO, VIEW_LIFETIME_MS } from '../../initializers/constants/videos.js'
import { VideoModel } from '../../models/video/video.js'
import { redis } from '../redis.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordRemoteVideoViewed } from './video-events.js'

const VIEWS_CHANGED_KEY = 'videos:views-changed'

/**
 * Counts a view once per viewer (IP address) and video per VIEW_LIFETIME_MS. Returns whether it counted.
 * A local video's counter grows here (and is federated later, see takeVideosWithNewViews); a remote video's view
 * is told to its origin, whose counter is the one that counts (it comes back with the video's next Update), as
 * PeerTube does. The key expires by itself, so nothing has to clean it up.
 */
export async function addView (video: Pick<VideoModel, 'id' | 'remote'>, ip: string) {
  const key = `views:${video.id}:${ip}`
  const fresh = await redis().set(key, '1', 'PX', VIEW_LIFETIME_MS, 'NX')
  if (fresh !== 'OK') return false

  if (video.remote) {
    await unitOfWork(() => recordRemoteVideoViewed(video))
    return true
  }
  await incrementLocalViews(video.id)
  return true
}

/**
 * A view another instance reports for one of our videos (its View activity): counted once per viewer id (the
 * activity id) within the view lifetime, and at most REMOTE_VIEWS_PER_INSTANCE_AND_VIDEO per instance and video
 * in that window. Returns whether it counted.
 */
export async function addRemoteViewerView (video: Pick<VideoModel, 'id' | 'remote'>, viewerId: string, instanceHost: string) {
  if (video.remote) return false
  const viewerKey = `remote-view:${video.id}:${createHash('sha256').update(viewerId).digest('hex')}`
  if (await redis().set(viewerKey, '1', 'PX', VIEW_LIFETIME_MS, 'NX') !== 'OK') return false

  const instanceKey = `remote-views:${video.id}:${instanceHost}`
  const [ [ , count ] ] = await redis().multi().incr(instanceKey).pexpire(instanceKey, VIEW_LIFETIME_MS, 'NX').exec() as [ [ unknown, number ] ]
  if (count > REMOTE_VIEWS_PER_INSTANCE_AND_VIDEO) return false

  await incrementLocalViews(video.id)
  return true
}

async function incrementLocalViews (videoId: number) {
  await VideoModel.increment('views', { by: 1, where: { id: videoId }, silent: true })
  await redis().sadd(VIEWS_CHANGED_KEY, String(videoId))
}

/** Ids of local videos whose views changed since the last call (taken: the next call returns the newer ones). */
export async function takeVideosWithNewViews (max = 1000): Promise<number[]> {
  const ids = await redis().spop(VIEWS_CHANGED_KEY, max)
  return ids.map(Number).filter(Number.isInteger)
}
