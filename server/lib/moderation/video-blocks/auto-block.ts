import { UserAdminFlag, VideoBlockType } from '../../../../shared/models/client-moderation.js'
import { UserRight } from '../../../../shared/models/users.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { AUTO_BLOCK_REASON } from '../../../initializers/constants/moderation.js'
import { VideoBlacklistModel } from '../../../models/moderation/video-blacklist.js'
import type { UserModel } from '../../../models/user/user.js'
import type { VideoModel } from '../../../models/video/video.js'
import { recordVideoAutoBlocked } from '../moderation-events.js'

/** `auto_blacklist.videos.of_users.enabled`: who must wait for a moderator. Moderators and flagged users do not. */
export function needsAutoBlock (user: UserModel) {
  if (!CONFIG.auto_blacklist.videos.of_users.enabled) return false
  return !user.hasRight(UserRight.MANAGE_VIDEO_BLACKLIST) && !user.hasAdminFlag(UserAdminFlag.BYPASS_VIDEO_AUTO_BLACKLIST)
}

/**
 * Called in the unit of work that creates a local video: when the policy applies, the video is blocked and kept
 * from federation until a moderator unblocks it (Administration > Moderation > Blocked videos); its owner sees it
 * with the reason. Returns whether it was blocked.
 */
export async function autoBlockIfNeeded (video: VideoModel, user: UserModel) {
  if (video.remote || !needsAutoBlock(user)) return false

  const block = await VideoBlacklistModel.create({
    videoId: video.id,
    reason: AUTO_BLOCK_REASON,
    unfederated: true,
    type: VideoBlockType.AUTO_BEFORE_PUBLISHED
  })
  await recordVideoAutoBlocked(block, video)
  return true
}
