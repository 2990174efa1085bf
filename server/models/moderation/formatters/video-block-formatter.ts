import { formatVideo } from '../../video/formatters/video-formatter.js'
import type { VideoBlacklistModel } from '../video-blacklist.js'
import { asVideoSummary } from '../../video/video-loaded.js'

/** PeerTube's `VideoBlacklist`: the block with the video it hides. Needs Video loaded with its summary includes. */
export function formatVideoBlock (block: VideoBlacklistModel) {
  return {
    id: block.id,
    videoId: block.videoId,
    reason: block.reason ?? null,
    unfederated: block.unfederated,
    type: block.type,
    video: formatVideo(asVideoSummary(block.Video!)),
    createdAt: block.createdAt,
    updatedAt: block.updatedAt
  }
}
