import { Op, type Includeable, type Order, type WhereOptions } from 'sequelize'
import type { ActorType } from '../../../../shared/models/actors.js'
import type { FollowState } from '../../../initializers/constants/federation.js'
import { ServerModel } from '../../server/server.js'
import { ActorModel } from '../actor.js'

export interface FollowListOptions {
  /** Followers of this actor (the "other side" is the follower)... */
  targetActorId?: number
  /** ...or followings of this actor (the other side is the target). Exactly one of the two. */
  actorId?: number
  state?: FollowState
  /** Type of the other side. */
  actorType?: ActorType
  /** Matched against the other side's name and host. */
  search?: string
  start: number
  count: number
  /** createdAt | state | score, '-' for descending. */
  sort: string
}

type Alias = 'ActorFollower' | 'ActorFollowing'

/** Where clause (with the filters on the other side), count include and order for ActorFollowModel.listForApi. */
export function buildFollowListQuery (options: FollowListOptions) {
  if ((options.actorId === undefined) === (options.targetActorId === undefined)) {
    throw new Error('A follow list needs exactly one of actorId and targetActorId')
  }

  const listingFollowers = options.targetActorId !== undefined
  const otherSide: Alias = listingFollowers ? 'ActorFollower' : 'ActorFollowing'

  const conditions: WhereOptions[] = [ listingFollowers ? { targetActorId: options.targetActorId } : { actorId: options.actorId } ]
  if (options.state) conditions.push({ state: options.state })
  if (options.actorType) conditions.push({ [`$${otherSide}.type$`]: options.actorType })
  if (options.search) {
    const pattern = '%' + options.search.replace(/[\\%_]/g, c => '\\' + c) + '%'
    conditions.push({
      [Op.or]: [
        { [`$${otherSide}.preferredUsername$`]: { [Op.iLike]: pattern } },
        { [`$${otherSide}.Server.host$`]: { [Op.iLike]: pattern } }
      ]
    })
  }

  // Filters name the other side's columns, so counting needs that include too.
  const countInclude: Includeable[] = [
    { model: ActorModel, as: otherSide, required: true, attributes: [], include: [ { model: ServerModel, required: false, attributes: [] } ] }
  ]

  return { where: { [Op.and]: conditions } as WhereOptions, countInclude, order: followListOrder(options.sort) }
}

function followListOrder (sort: string): Order {
  const descending = sort.startsWith('-')
  const column = descending ? sort.slice(1) : sort
  const direction = descending ? 'DESC' : 'ASC'
  return [ [ column, direction ], [ 'id', 'ASC' ] ]
}
