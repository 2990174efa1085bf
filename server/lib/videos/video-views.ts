import { VIEW_LIFETIME_MS } from '../../initializers/constants/videos.js'
import { VideoModel } from '../../models/video/video.js'
import { redis } from '../redis.js'

/**
 * Counts a view once per viewer (IP address) and video per VIEW_LIFETIME_MS. Returns whether it counted.
 * The key expires by itself, so nothing has to clean it up.
 */
export async function addView (video: VideoModel, ip: string) {
  const key = `views:${video.id}:${ip}`
  const fresh = await redis().set(key, '1', 'PX', VIEW_LIFETIME_MS, 'NX')
  if (fresh !== 'OK') return false

  await VideoModel.increment('views', { by: 1, where: { id: video.id } })
  return true
}
