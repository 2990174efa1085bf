import { VideoBlockType } from '../../../../shared/models/client-moderation.js'
import { UserRole } from '../../../../shared/models/users.js'
import { VideoBlacklistModel } from '../../../models/moderation/video-blacklist.js'
import { UserModel } from '../../../models/user/user.js'
import type { VideoModel } from '../../../models/video/video.js'
import { conflict, forbidden, HttpProblem, invalidField } from '../../http-problems/http-problem.js'
import { ProblemCode } from '../../http-problems/problem-codes.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { recordVideoChanged } from '../../videos/video-events.js'
import { recordVideoBlocked, recordVideoUnblocked } from '../moderation-events.js'

/** A moderator may act on videos of plain users (and their own); those of administrators and moderators are for administrators. */
async function ensureCanModerateVideoOf (video: VideoModel, moderator: UserModel) {
  if (moderator.role === UserRole.ADMINISTRATOR) return
  const ownerId = video.VideoChannel?.Account?.userId
  if (!ownerId || ownerId === moderator.id) return
  const owner = await UserModel.findByPk(ownerId)
  if (owner && owner.role !== UserRole.USER) throw forbidden('A moderator cannot block a video of an administrator or a moderator', ProblemCode.NOT_ALLOWED)
}

function notBlocked () {
  return new HttpProblem({ status: 404, detail: 'This video is not blocked' })
}

/**
 * Hides a video from everyone but its owner and the moderators. With `unfederate` (local videos only) remote
 * instances are told to delete it (the federate-video job reads the block), in the same unit of work.
 * `video` must be loaded with its summary includes (channel, account, block).
 */
export async function blockVideo (options: { video: VideoModel, moderator: UserModel, reason?: string, unfederate?: boolean }) {
  const { video, moderator } = options
  if (options.unfederate && video.remote) throw invalidField('body', 'unfederate', 'Only a video of this instance can be unfederated', true)
  await ensureCanModerateVideoOf(video, moderator)

  await unitOfWork(async () => {
    if (await VideoBlacklistModel.loadByVideoId(video.id)) throw conflict('This video is already blocked')
    const block = await VideoBlacklistModel.create({
      videoId: video.id,
      reason: options.reason ?? null,
      unfederated: options.unfederate === true,
      type: VideoBlockType.MANUAL
    })
    if (block.unfederated) await recordVideoChanged(video)
    await recordVideoBlocked(block, video)
  })
}

/** Changes the reason of a block (PUT /videos/{id}/blacklist). */
export async function updateVideoBlock (video: VideoModel, reason: string | undefined) {
  const block = await VideoBlacklistModel.loadByVideoId(video.id)
  if (!block) throw notBlocked()
  await block.update({ reason: reason ?? null })
}

/**
 * Lifts a block, or accepts an auto-blocked video after review: everyone may see it again, and an unfederated one
 * is sent to remote instances again (as a new Create: its shares were dropped when it was unfederated).
 */
export async function unblockVideo (video: VideoModel, moderator: UserModel) {
  await ensureCanModerateVideoOf(video, moderator)
  await unitOfWork(async () => {
    const block = await VideoBlacklistModel.loadByVideoId(video.id)
    if (!block) throw notBlocked()
    await block.destroy()
    if (block.unfederated) await recordVideoChanged(video)
    await recordVideoUnblocked(video, block.type === VideoBlockType.AUTO_BEFORE_PUBLISHED)
  })
}
