import { VideoState } from '../../../shared/models/videos.js'
import { VideoModel } from '../../models/video/video.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { isObjectStorageEnabled } from './object-storage-client.js'

export type StorageTarget = 'object-storage' | 'file-system'

export interface MoveVideoStoragePayload {
  videoUUID: string
  /** The video was waiting for this move to be published (PeerTube's TO_MOVE_TO_EXTERNAL_STORAGE). */
  publishAfter?: boolean
}

function moveKey (uuid: string) {
  return `move-video-storage:${uuid}`
}

/**
 * In the unit of work that finished a video's files (the end of its ladder, whatever made the renditions): with
 * object storage on, records the job that moves them to the bucket. A video that was not published yet (it waits
 * for its ladder) shows PeerTube's TO_MOVE_TO_EXTERNAL_STORAGE and is published by the move; a published one
 * stays published and playable from our folders until its files are in the bucket.
 */
export async function recordMoveToObjectStorageIfEnabled (video: VideoModel) {
  if (!isObjectStorageEnabled() || video.remote) return false
  const publishAfter = video.state !== VideoState.PUBLISHED
  if (publishAfter) {
    video.state = VideoState.TO_MOVE_TO_EXTERNAL_STORAGE
    await video.save()
  }
  await jobQueue.createJob('move-to-object-storage', { videoUUID: video.uuid, publishAfter }, { orderKey: moveKey(video.uuid), dedupKey: `${moveKey(video.uuid)}:to-object-storage` })
  return true
}

/** An administrator's move (npm run storage:move), in its own unit of work or the caller's. */
export async function recordVideoStorageMove (video: VideoModel, target: StorageTarget) {
  const type = target === 'object-storage' ? 'move-to-object-storage' : 'move-to-file-system'
  return jobQueue.createJob(type, { videoUUID: video.uuid }, { orderKey: moveKey(video.uuid), dedupKey: `${moveKey(video.uuid)}:to-${target}` })
}
