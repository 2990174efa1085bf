import { loggerWithTags } from '../../../helpers/logger.js'
import { VideoModel } from '../../../models/video/video.js'
import { isObject } from '../activity-types.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'

const log = loggerWithTags('activitypub', 'rates')

async function collectionTotal (collectionUrl: unknown, videoUrl: string) {
  if (typeof collectionUrl !== 'string' || !isSameOrigin(collectionUrl, videoUrl)) return undefined
  const { body } = await fetchRemoteObject(collectionUrl)
  const total = body.totalItems
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined
}

/**
 * A remote video's like and dislike counts are its origin's: read from the `likes` and `dislikes` collections
 * its Video object links to (their totalItems), as PeerTube does after each Create or Update it receives.
 * A failure leaves the counts as they were (the next Update or refresh tries again).
 */
export async function syncRemoteVideoCounts (video: Pick<VideoModel, 'id' | 'url' | 'remote'>, object: Record<string, unknown>) {
  if (!video.remote || !isObject(object)) return
  try {
    const [ likes, dislikes ] = await Promise.all([ collectionTotal(object.likes, video.url), collectionTotal(object.dislikes, video.url) ])
    const counts = { ...(likes !== undefined ? { likes } : {}), ...(dislikes !== undefined ? { dislikes } : {}) }
    if (Object.keys(counts).length !== 0) await VideoModel.update(counts, { where: { id: video.id }, silent: true })
  } catch (err) {
    log.info(`Cannot read the like counts of ${video.url}: ${(err as Error).message}`)
  }
}
