import { Op, type WhereOptions } from 'sequelize'
import { ServerModel } from '../../server/server.js'
import { ActorFollowModel } from '../actor-follow.js'
import { ActorModel } from '../actor.js'
import { sortToOrder } from '../../user/queries/list-sort.js'

/**
 * Followers of several actors at once (an account and its channels), as PeerTube lists them for
 * /accounts/{name}/followers. `search` matches the follower's name or host.
 */
export async function listFollowersOfActors (targetActorIds: number[], options: { start: number, count: number, sort: string, search?: string }) {
  const conditions: WhereOptions[] = [ { targetActorId: { [Op.in]: targetActorIds } }, { state: { [Op.ne]: 'rejected' } } ]
  if (options.search) {
    const pattern = '%' + options.search.replace(/[\\%_]/g, c => '\\' + c) + '%'
    conditions.push({ [Op.or]: [ { '$ActorFollower.preferredUsername$': { [Op.iLike]: pattern } }, { '$ActorFollower.Server.host$': { [Op.iLike]: pattern } } ] })
  }
  const where = { [Op.and]: conditions }

  const [ total, data ] = await Promise.all([
    ActorFollowModel.count({
      where,
      include: [ { model: ActorModel, as: 'ActorFollower', required: true, attributes: [], include: [ { model: ServerModel, required: false, attributes: [] } ] } ],
      distinct: true,
      col: 'id'
    }),
    ActorFollowModel.findAll({ where, include: ActorFollowModel.withActors(), order: sortToOrder(options.sort), offset: options.start, limit: options.count })
  ])
  return { total, data }
}
