import { VideoChannelModel } from '../../models/account/video-channel.js'
import type { ChannelWithOwner } from '../../models/video/video-loaded.js'

// The channels requests name (by handle or id) and the lists of them. Those loaded with
// `VideoChannelModel.fullInclude()` say so in their type (ChannelWithOwner).

/** `name` (local) or `name@host`, with its actor and owner; null when unknown. */
export function loadChannelByHandle (handle: string) {
  return VideoChannelModel.loadByHandle(handle) as Promise<ChannelWithOwner | null>
}

/** The channel row alone (no associations). */
export function loadChannelById (id: number) {
  return VideoChannelModel.findByPk(id)
}

/** With its actor and its owner's account (what feeds and formatters need). */
export function loadChannelWithOwner (id: number) {
  return VideoChannelModel.loadWithOwner(id) as Promise<ChannelWithOwner | null>
}

export function listChannels (options: Parameters<typeof VideoChannelModel.listForApi>[0]) {
  return VideoChannelModel.listForApi(options)
}

/** One page of an account's channels. */
export function listChannelsOfAccount (accountId: number, options: Parameters<typeof VideoChannelModel.listByAccount>[1]) {
  return VideoChannelModel.listByAccount(accountId, options)
}

/** Every channel of an account (a user has a handful). */
export function listAllChannelsOfAccount (accountId: number) {
  return VideoChannelModel.listAllByAccount(accountId)
}

/** The id of the channel this actor is, if it is one. */
export async function channelIdOfActor (actorId: number) {
  return (await VideoChannelModel.findOne({ where: { actorId }, attributes: [ 'id' ] }))?.id
}
