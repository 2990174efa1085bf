import { EventEmitter } from 'node:events'
import type { VideoModel } from '../../models/video/video.js'

export interface VideoEventMap {
  /** A local video became playable and visible to its audience (first rung done, or privacy opened). */
  published: [ video: VideoModel ]
  /** A local video's metadata, files or privacy changed. `wasPublic` tells federation what remotes already have. */
  updated: [ video: VideoModel, change: { wasPublic: boolean } ]
  /** A local video is about to be removed (still loaded, with its channel and account). */
  deleted: [ video: VideoModel ]
}

/**
 * What happens to local videos, for the parts that react to it (federation sends Create/Update/Delete) without
 * the video code knowing them. Listeners must not throw; they log their own failures.
 */
class VideoEvents extends EventEmitter<VideoEventMap> {}

export const videoEvents = new VideoEvents()
