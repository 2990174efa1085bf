import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { notFound } from '../http-problems/http-problem.js'

export interface FeedOwnerQuery {
  accountId?: number
  accountName?: string
  videoChannelId?: number
  videoChannelName?: string
}

export interface FeedOwner {
  account?: AccountModel
  channel?: VideoChannelModel
}

/** The account or channel a feed is restricted to; naming one that does not exist is a 404, as in PeerTube. */
export async function resolveFeedOwner (query: FeedOwnerQuery): Promise<FeedOwner> {
  if (query.videoChannelId !== undefined || query.videoChannelName !== undefined) {
    const channel = query.videoChannelId !== undefined
      ? await VideoChannelModel.loadWithOwner(query.videoChannelId)
      : await VideoChannelModel.loadByHandle(query.videoChannelName!)
    if (!channel) throw notFound('Video channel not found')
    return { channel }
  }

  if (query.accountId !== undefined || query.accountName !== undefined) {
    const account = query.accountId !== undefined
      ? await AccountModel.findByPk(query.accountId, { include: [ AccountModel.withActor() ] })
      : await AccountModel.loadByHandle(query.accountName!)
    if (!account) throw notFound('Account not found')
    return { account }
  }

  return {}
}
