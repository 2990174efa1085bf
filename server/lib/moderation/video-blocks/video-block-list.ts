import { listVideoBlocks } from '../../../models/moderation/queries/video-block-list-query.js'

/** The moderators' list of blocked videos, with each block's video. */
export function listBlockedVideos (options: Parameters<typeof listVideoBlocks>[0]) {
  return listVideoBlocks(options)
}
