import { UserRight } from '../../../shared/models/users.js'
import type { VideoChannelModel } from '../../models/account/video-channel.js'
import type { UserModel } from '../../models/user/user.js'
import { forbidden } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'

function ensureLocal (channel: VideoChannelModel) {
  if (!channel.Actor?.isLocal()) throw forbidden('This channel belongs to another instance', ProblemCode.NOT_ALLOWED)
}

function isOwner (user: UserModel, channel: VideoChannelModel) {
  return channel.Account?.userId === user.id
}

/** Editing a channel (fields, avatar, banner) is for its owner only. */
export function ensureCanEditChannel (user: UserModel, channel: VideoChannelModel) {
  ensureLocal(channel)
  if (!isOwner(user, channel)) throw forbidden('Cannot edit the channel of another user', ProblemCode.NOT_ALLOWED)
}

/** Deleting: the owner, or a moderator/administrator (REMOVE_ANY_VIDEO_CHANNEL). */
export function ensureCanDeleteChannel (user: UserModel, channel: VideoChannelModel) {
  ensureLocal(channel)
  if (!isOwner(user, channel) && !user.hasRight(UserRight.REMOVE_ANY_VIDEO_CHANNEL)) {
    throw forbidden('Cannot delete the channel of another user', ProblemCode.NOT_ALLOWED)
  }
}
