import { ActorImageType } from '../../../../shared/models/actor-images.js'
import type { VideoChannelModel } from '../video-channel.js'
import { actorHost, formatAccount, formatActorFields, formatActorImages, requireActor } from './account-formatter.js'

/** PeerTube's `VideoChannel`, with its owner account. Needs Actor and Account.Actor loaded. */
export function formatVideoChannel (channel: VideoChannelModel) {
  const actor = requireActor(channel.Actor, 'channel')
  return {
    ...formatActorFields(actor),
    id: channel.id,
    createdAt: channel.createdAt,
    banners: formatActorImages(actor, ActorImageType.BANNER),
    displayName: channel.name,
    description: channel.description ?? null,
    support: channel.support ?? null,
    isLocal: actor.isLocal(),
    updatedAt: channel.updatedAt,
    ownerAccount: channel.Account ? formatAccount(channel.Account) : undefined
  }
}

/** PeerTube's `VideoChannelSummary`. */
export function formatVideoChannelSummary (channel: VideoChannelModel) {
  const actor = requireActor(channel.Actor, 'channel')
  return {
    id: channel.id,
    name: actor.preferredUsername,
    displayName: channel.name,
    url: actor.url,
    host: actorHost(actor),
    avatars: formatActorImages(actor, ActorImageType.AVATAR)
  }
}
