import { VideoModel } from '../../models/video/video.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

/**
 * Runs `fn` in a unit of work holding this video's lock, so that the steps that move or add its files (a
 * rendition landing, a privacy change moving folders) never interleave. The lock lasts until the unit of work
 * commits (the outer one, when nested); every query inside uses the unit's connection, so holders never wait
 * for a second one from the pool.
 */
export async function withVideoLock<T> (videoId: number, fn: () => Promise<T>): Promise<T> {
  return unitOfWork(async () => {
    await VideoModel.lockForFileChanges(videoId)
    return fn()
  })
}
