import type { VideoModel } from '../../models/video/video.js'
import { jobQueue } from '../job-queue/job-queue.js'

/**
 * What happens to local videos that other parts must act on (federation sends Create/Update/Delete), recorded
 * as jobs in the unit of work of the change itself: a committed change is always followed by its federation,
 * a rolled-back one never is. The video code does not know what the job sends; it only says "this changed".
 */

/** Jobs about one video run in the order of its changes: a Create is never overtaken by its Update. */
export function videoOrderKey (videoId: number) {
  return `video:${videoId}`
}

/** What remotes must be told of a deleted video, taken before its rows go. */
export interface DeletedVideoSnapshot {
  url: string
  privacy: VideoModel['privacy']
  accountActorId: number
  channelActorId: number
  /** Whether remotes had it (public or unlisted, and published), so a Delete must be sent. */
  wasFederated: boolean
}

/** A local viewer watched a remote video: its origin counts the view (PeerTube's View activity). */
export async function recordRemoteVideoViewed (video: Pick<VideoModel, 'id' | 'remote'>) {
  if (!video.remote) return
  await jobQueue.createJob('federate-video', { videoId: video.id, view: true }, { orderKey: videoOrderKey(video.id) })
}

/** A local video's metadata, files, privacy or state changed (published, updated or unpublished). */
export async function recordVideoChanged (video: Pick<VideoModel, 'id' | 'remote'>) {
  if (video.remote) return
  await jobQueue.createJob('federate-video', { videoId: video.id }, { orderKey: videoOrderKey(video.id) })
}

/** A local video is being deleted (call it in the deletion's unit of work, with the video's channel loaded). */
export async function recordVideoDeleted (video: VideoModel, wasFederated: boolean) {
  if (video.remote) return
  const channelActorId = video.VideoChannel?.Actor?.id
  const accountActorId = video.VideoChannel?.Account?.Actor?.id
  if (channelActorId === undefined || accountActorId === undefined) throw new Error(`Video ${video.uuid} must be loaded with its channel and account actors`)

  const deleted: DeletedVideoSnapshot = { url: video.url, privacy: video.privacy, accountActorId, channelActorId, wasFederated }
  await jobQueue.createJob('federate-video', { videoId: video.id, deleted }, { orderKey: videoOrderKey(video.id) })
}
