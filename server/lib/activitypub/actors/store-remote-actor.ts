import { Op, type Transaction } from 'sequelize'
import { AccountModel } from '../../../models/account/account.js'
import { VideoChannelModel } from '../../../models/account/video-channel.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { ServerModel } from '../../../models/server/server.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { urlHost } from '../ownership.js'
import type { RemoteActorData } from './remote-actor-document.js'
import { syncRemoteActorImages } from './remote-actor-images.js'

/**
 * Creates or updates a remote actor and what stands behind it: its server row, and an account (Person,
 * Application...) or a channel (Group, owned by `ownerAccount`). All or nothing.
 */
export async function storeRemoteActor (data: RemoteActorData, ownerAccount?: AccountModel): Promise<ActorModel> {
  const host = urlHost(data.url)
  if (!host) throw new Error(`No host in ${data.url}`)
  if (data.type === 'Group' && !ownerAccount) throw new Error(`Remote channel ${data.url} needs its owner account`)

  const server = await ServerModel.loadOrCreateByHost(host)

  return unitOfWork(async transaction => {
    const fields = {
      type: data.type,
      preferredUsername: data.preferredUsername,
      url: data.url,
      publicKey: data.publicKeyPem,
      inboxUrl: data.inboxUrl,
      sharedInboxUrl: data.sharedInboxUrl,
      outboxUrl: data.outboxUrl,
      followersUrl: data.followersUrl,
      followingUrl: data.followingUrl,
      remoteCreatedAt: data.published,
      lastFetchedAt: new Date(),
      serverId: server.id
    }

    let actor = await ActorModel.findOne({ where: { url: data.url }, transaction, lock: transaction.LOCK.UPDATE })
    if (actor) {
      if (!actor.serverId) throw new Error(`${data.url} is one of our actors, not a remote one`)
      if (actor.type !== data.type && (actor.type === 'Group') !== (data.type === 'Group')) {
        throw new Error(`Remote actor ${data.url} changed from ${actor.type} to ${data.type}: refused`)
      }
      actor.set(fields)
      await actor.save({ transaction })
    } else {
      actor = await ActorModel.create(fields, { transaction })
    }

    await storeOwnerSide(actor, data, ownerAccount, transaction)
    await syncRemoteActorImages(actor, data.icons, data.banners, transaction)

    actor.Server = server
    return actor
  })
}

async function storeOwnerSide (actor: ActorModel, data: RemoteActorData, ownerAccount: AccountModel | undefined, transaction: Transaction) {
  if (data.type === 'Group') {
    const channel = await VideoChannelModel.findOne({ where: { actorId: actor.id }, transaction })
    const values = { name: data.name, description: data.summary, support: data.support, accountId: ownerAccount!.id }
    if (channel) await channel.update(values, { transaction })
    else await VideoChannelModel.create({ ...values, actorId: actor.id }, { transaction })
    return
  }

  const account = await AccountModel.findOne({ where: { actorId: actor.id }, transaction })
  const values = { name: data.name, description: data.summary }
  if (account) await account.update(values, { transaction })
  else await AccountModel.create({ ...values, actorId: actor.id, userId: null }, { transaction })
}

/**
 * Forgets a remote actor (it was deleted, or is gone): its account or channel and follows go with it (foreign
 * keys cascade); the follow counts of the actors it followed or was followed by are recomputed.
 */
export async function deleteRemoteActor (actor: ActorModel) {
  if (actor.isLocal()) throw new Error(`Refusing to delete local actor ${actor.url}`)

  await unitOfWork(async transaction => {
    // An account takes its channels along: their actors go too, not just the channel rows.
    const account = await AccountModel.findOne({ where: { actorId: actor.id }, transaction })
    const channels = account ? await VideoChannelModel.findAll({ where: { accountId: account.id }, attributes: [ 'actorId' ], transaction }) : []
    const actorIds = [ actor.id, ...channels.map(c => c.actorId) ]

    const follows = await ActorFollowModel.findAll({
      where: { [Op.or]: [ { actorId: actorIds }, { targetActorId: actorIds } ] },
      attributes: [ 'actorId', 'targetActorId' ],
      transaction
    })
    const affected = new Set(follows.flatMap(f => [ f.actorId, f.targetActorId ]))
    for (const id of actorIds) affected.delete(id)

    await ActorModel.destroy({ where: { id: actorIds, serverId: { [Op.ne]: null } }, transaction })
    await ActorFollowModel.rebuildCounts([ ...affected ], transaction)
  })
}
