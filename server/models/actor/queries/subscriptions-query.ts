import { literal, Op, type Order, type WhereOptions } from 'sequelize'
import { VideoChannelModel } from '../../account/video-channel.js'

export interface SubscriptionListOptions {
  start: number
  count: number
  /** createdAt (of the subscription) or channelUpdatedAt, '-' for descending. */
  sort: string
  search?: string
}

// A user's subscriptions are the follows of its account's actor towards channels (any state but rejected).

function followedBy (followerActorId: number) {
  if (!Number.isInteger(followerActorId)) throw new Error('followerActorId must be an integer')
  return literal(
    `(SELECT "targetActorId" FROM "actorFollow" WHERE "actorFollow"."actorId" = ${followerActorId} AND "actorFollow"."state" <> 'rejected')`
  )
}

export async function listSubscribedChannels (followerActorId: number, options: SubscriptionListOptions) {
  const conditions: WhereOptions[] = [ { actorId: { [Op.in]: followedBy(followerActorId) } } ]
  if (options.search) {
    const pattern = '%' + options.search.replace(/[\\%_]/g, c => '\\' + c) + '%'
    conditions.push({ [Op.or]: [ { name: { [Op.iLike]: pattern } }, { '$Actor.preferredUsername$': { [Op.iLike]: pattern } } ] })
  }
  const where = { [Op.and]: conditions }

  const [ total, data ] = await Promise.all([
    VideoChannelModel.count({ where, include: [ VideoChannelModel.fullInclude()[0] ] }),
    VideoChannelModel.findAll({
      where,
      include: VideoChannelModel.fullInclude(),
      order: subscriptionOrder(followerActorId, options.sort),
      offset: options.start,
      limit: options.count
    })
  ])
  return { total, data }
}

/** The channel behind `channelActorId` if the follower is subscribed to it. */
export async function loadSubscribedChannel (followerActorId: number, channelActorId: number) {
  return VideoChannelModel.findOne({
    where: { [Op.and]: [ { actorId: channelActorId }, { actorId: { [Op.in]: followedBy(followerActorId) } } ] },
    include: VideoChannelModel.fullInclude()
  })
}

function subscriptionOrder (followerActorId: number, sort: string): Order {
  const descending = sort.startsWith('-')
  const direction = descending ? 'DESC' : 'ASC'
  const field = descending ? sort.slice(1) : sort

  if (field === 'channelUpdatedAt') return [ [ 'updatedAt', direction ], [ 'id', 'ASC' ] ]
  const followedAt = literal(
    `(SELECT "createdAt" FROM "actorFollow" WHERE "actorFollow"."actorId" = ${followerActorId} ` +
    'AND "actorFollow"."targetActorId" = "VideoChannel"."actorId")'
  )
  return [ [ followedAt, direction ], [ 'id', 'ASC' ] ]
}
