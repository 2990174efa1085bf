import type { Job } from 'bull'
import { VideoState } from '../../../shared/models/videos.js'
import { VideoModel } from '../../models/video/video.js'
import type { MoveVideoStoragePayload } from './video-storage-moves.js'

/**
 * After the last attempt of a move: the reason is shown to the owner and admins. A video waiting for its move to
 * be published shows PeerTube's failed state; a published one stays published, from where its files still are.
 */
export async function onVideoStorageMoveFailed (job: Job<MoveVideoStoragePayload>, err: Error) {
  const video = await VideoModel.findOne({ where: { uuid: job.data.videoUUID } })
  if (!video) return
  video.stateReason = err.message.slice(0, 2000)
  if (video.state === VideoState.TO_MOVE_TO_EXTERNAL_STORAGE) video.state = VideoState.TO_MOVE_TO_EXTERNAL_STORAGE_FAILED
  if (video.state === VideoState.TO_MOVE_TO_FILE_SYSTEM) video.state = VideoState.TO_MOVE_TO_FILE_SYSTEM_FAILED
  await video.save()
}
