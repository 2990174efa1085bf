import { Op } from 'sequelize'
import { sequelize } from '../../initializers/database.js'
import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { ActorModel } from '../../models/actor/actor.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import type { UserModel } from '../../models/user/user.js'
import { removeActorImageFiles } from '../actor-images/actor-image-files.js'
import { deleteVideosOfChannels } from '../videos/delete-video.js'

/**
 * Removes a user with everything that is theirs: videos and their files, tokens, account, channels, their actors
 * and images. One transaction for the rows; image files go once it has committed.
 */
export async function deleteUser (user: UserModel) {
  // Videos first, outside the transaction: each removes its files and tells followers.
  const account = await AccountModel.findOne({ where: { userId: user.id } })
  if (account) await deleteVideosOfChannels((await VideoChannelModel.findAll({ where: { accountId: account.id } })).map(c => c.id))

  const filenames = await sequelize().transaction(async transaction => {
    const account = await AccountModel.findOne({ where: { userId: user.id }, transaction })
    const channels = account ? await VideoChannelModel.findAll({ where: { accountId: account.id }, transaction }) : []
    const actorIds = [ ...(account ? [ account.actorId ] : []), ...channels.map(channel => channel.actorId) ]
    const images = await ActorImageModel.listByActors(actorIds, transaction)

    await OAuthTokenModel.destroy({ where: { userId: user.id }, transaction })
    // Actors first: their accounts and channels follow by cascade, then the user row itself.
    if (actorIds.length !== 0) await ActorModel.destroy({ where: { id: { [Op.in]: actorIds } }, transaction })
    await user.destroy({ transaction })

    return images.filter(image => image.onDisk).map(image => image.filename)
  })

  await removeActorImageFiles(filenames)
}
