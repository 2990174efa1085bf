import { formatVideo } from '../../video/formatters/video-formatter.js'
import type { VideoBlockWithVideo } from '../moderation-loaded.js'

/** PeerTube's `VideoBlacklist`: the block with the video it hides. */
export function formatVideoBlock (block: VideoBlockWithVideo) {
  return {
    id: block.id,
    videoId: block.videoId,
    reason: block.reason ?? null,
    unfederated: block.unfederated,
    type: block.type,
    video: formatVideo(block.Video),
    createdAt: block.createdAt,
    updatedAt: block.updatedAt
  }
}
