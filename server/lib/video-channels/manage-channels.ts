import { deleteVideosOfChannels } from '../videos/delete-video.js'
import type { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { ActorModel } from '../../models/actor/actor.js'
import { removeActorImageFilesAfterCommit } from '../actor-images/actor-image-files.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { createActorKeys } from '../actors/keys.js'
import { createLocalActor } from '../actors/local-actor.js'
import { badRequest, conflict } from '../http-problems/http-problem.js'
import { ensureActorNameIsFree, translateUniqueError } from '../users/name-availability.js'
import { MAX_VIDEO_CHANNELS_PER_USER } from './channel-constraints.js'
import { VideoModel } from '../../models/video/video.js'
import { sendUpdateActor } from '../activitypub/send/send-update-actor.js'
import { recordVideoChanged } from '../videos/video-events.js'

export interface ChannelFields {
  displayName?: string
  description?: string | null
  support?: string | null
  /** Also give every video of the channel this support text (PeerTube's option). */
  bulkVideosSupportUpdate?: boolean
}

/** A new channel (Group actor with its keys) for a local account. Names are unique per instance (409). */
export async function createVideoChannel (account: AccountModel, data: ChannelFields & { name: string, displayName: string }) {
  if (await VideoChannelModel.countByAccount(account.id) >= MAX_VIDEO_CHANNELS_PER_USER) {
    throw badRequest(`You cannot create more than ${MAX_VIDEO_CHANNELS_PER_USER} channels`)
  }
  await ensureActorNameIsFree(data.name, 'name')

  const keys = await createActorKeys()
  const channel = await translateUniqueError(() => unitOfWork(async transaction => {
    const actor = await createLocalActor('Group', data.name, keys, transaction)
    return VideoChannelModel.create({
      name: data.displayName,
      description: data.description ?? null,
      support: data.support ?? null,
      actorId: actor.id,
      accountId: account.id
    }, { transaction })
  }))

  return channel
}

/**
 * A channel's own fields, and, with `bulkVideosSupportUpdate`, the support text of all its videos. Remote instances
 * hear of it (an Update of the channel, and of each video whose support changed) once it commits.
 */
export async function updateVideoChannel (channel: VideoChannelModel, data: ChannelFields) {
  await unitOfWork(async () => {
    if (data.displayName !== undefined) channel.name = data.displayName
    if (data.description !== undefined) channel.description = data.description
    if (data.support !== undefined) channel.support = data.support
    await channel.save()

    if (data.bulkVideosSupportUpdate && data.support !== undefined) {
      for (const video of await VideoModel.findAll({ where: { channelId: channel.id, remote: false } })) {
        if (video.support === data.support) continue
        video.support = data.support
        await video.save()
        await recordVideoChanged(video)
      }
    }
    await sendUpdateActor(channel.actorId)
  })
}

/**
 * Removes a channel with its actor, images and (by cascade) videos. A user keeps at least one channel: removing
 * the last one is a 409, as in PeerTube. The count is taken under a lock on the account's channels so two
 * concurrent deletions cannot both pass it.
 */
export async function deleteVideoChannel (channel: VideoChannelModel) {
  // Checked before the videos go too (and again under lock below, against a concurrent deletion).
  if (await VideoChannelModel.countByAccount(channel.accountId) <= 1) throw conflict('Cannot delete the last channel of this user')
  await deleteVideosOfChannels([ channel.id ])

  await unitOfWork(async transaction => {
    const siblings = await VideoChannelModel.findAll({ where: { accountId: channel.accountId }, lock: transaction.LOCK.UPDATE, transaction })
    if (siblings.length <= 1) throw conflict('Cannot delete the last channel of this user')

    const images = await ActorImageModel.listByActors([ channel.actorId ], transaction)
    await ActorModel.destroy({ where: { id: channel.actorId }, transaction })
    await removeActorImageFilesAfterCommit(images.filter(image => image.onDisk))
  })
}
