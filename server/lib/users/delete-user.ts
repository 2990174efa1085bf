import { Op } from 'sequelize'
import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { ActorModel } from '../../models/actor/actor.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import type { UserModel } from '../../models/user/user.js'
import { removeActorImageFilesAfterCommit } from '../actor-images/actor-image-files.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { deleteVideosOfChannels } from '../videos/delete-video.js'

/**
 * Removes a user with everything that is theirs: videos and their files, tokens, account, channels, their actors
 * and images. One unit of work for the rows, with the job that removes the image files once it has committed.
 */
export async function deleteUser (user: UserModel) {
  // Videos first, outside the transaction: each removes its files and tells followers.
  const account = await AccountModel.findOne({ where: { userId: user.id } })
  if (account) await deleteVideosOfChannels((await VideoChannelModel.findAll({ where: { accountId: account.id } })).map(c => c.id))

  await unitOfWork(async transaction => {
    const account = await AccountModel.findOne({ where: { userId: user.id }, transaction })
    const channels = account ? await VideoChannelModel.findAll({ where: { accountId: account.id }, transaction }) : []
    const actorIds = [ ...(account ? [ account.actorId ] : []), ...channels.map(channel => channel.actorId) ]
    const images = await ActorImageModel.listByActors(actorIds, transaction)

    await OAuthTokenModel.destroy({ where: { userId: user.id }, transaction })
    // Actors first: their accounts and channels follow by cascade, then the user row itself.
    if (actorIds.length !== 0) await ActorModel.destroy({ where: { id: { [Op.in]: actorIds } }, transaction })
    await user.destroy({ transaction })

    await removeActorImageFilesAfterCommit(images.filter(image => image.onDisk))
  })
}
