import {
  DataTypes, Model, Op, QueryTypes,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute,
  type Sequelize, type Transaction
} from 'sequelize'
import { ACTOR_FOLLOW_SCORE, FOLLOW_STATES, type FollowState } from '../../initializers/constants/federation.js'
import { ServerModel } from '../server/server.js'
import { ActorImageModel } from './actor-image.js'
import { ActorModel } from './actor.js'
import { buildFollowListQuery, type FollowListOptions } from './queries/follow-list-query.js'

/**
 * One follow relation between two actors, local or remote: `actorId` follows `targetActorId`. The row exists on
 * both sides of a federated follow; `url` is the id of the Follow activity (the follower's instance made it).
 */
export class ActorFollowModel extends Model<InferAttributes<ActorFollowModel>, InferCreationAttributes<ActorFollowModel>> {
  declare id: CreationOptional<number>
  declare state: FollowState
  declare url: string
  declare score: CreationOptional<number>
  declare actorId: ForeignKey<ActorModel['id']>
  declare targetActorId: ForeignKey<ActorModel['id']>
  /** Our Follows while pending: times sent again, and when next (lib/schedulers/pending-follows-resend.ts). */
  declare followResends: CreationOptional<number>
  declare followResendAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare ActorFollower?: NonAttribute<ActorModel>
  declare ActorFollowing?: NonAttribute<ActorModel>

  static initModel (sequelize: Sequelize) {
    ActorFollowModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      state: { type: DataTypes.ENUM(...FOLLOW_STATES), allowNull: false },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      score: { type: DataTypes.INTEGER, allowNull: false, defaultValue: ACTOR_FOLLOW_SCORE.BASE },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      targetActorId: { type: DataTypes.INTEGER, allowNull: false },
      followResends: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      followResendAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ActorFollow',
      tableName: 'actorFollow',
      indexes: [
        { fields: [ 'actorId', 'targetActorId' ], unique: true },
        { fields: [ 'targetActorId' ] },
        { fields: [ 'url' ] },
        { fields: [ 'score' ] }
      ],
      // The actors' followersCount/followingCount are what clients show; keep them true to the accepted rows.
      hooks: {
        afterCreate: (follow, options) => ActorFollowModel.refreshCounts(follow, options.transaction ?? undefined),
        afterUpdate: (follow, options) => ActorFollowModel.refreshCounts(follow, options.transaction ?? undefined),
        afterDestroy: (follow, options) => ActorFollowModel.refreshCounts(follow, options.transaction ?? undefined)
      }
    })
  }

  static associate () {
    ActorFollowModel.belongsTo(ActorModel, { as: 'ActorFollower', foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
    ActorFollowModel.belongsTo(ActorModel, { as: 'ActorFollowing', foreignKey: { name: 'targetActorId', allowNull: false }, onDelete: 'CASCADE' })
    ActorModel.hasMany(ActorFollowModel, { as: 'ActorFollowings', foreignKey: 'actorId' })
    ActorModel.hasMany(ActorFollowModel, { as: 'ActorFollowers', foreignKey: 'targetActorId' })
  }

  isAccepted () {
    return this.state === 'accepted'
  }

  private static async refreshCounts (follow: ActorFollowModel, transaction?: Transaction) {
    await ActorFollowModel.rebuildCounts([ follow.actorId, follow.targetActorId ], transaction)
  }

  /** Recomputes followersCount and followingCount of these actors from the accepted follows. */
  static async rebuildCounts (actorIds: number[], transaction?: Transaction) {
    if (actorIds.length === 0) return
    await ActorFollowModel.sequelize!.query(
      'UPDATE "actor" SET ' +
      '"followersCount" = (SELECT count(*) FROM "actorFollow" f WHERE f."targetActorId" = "actor"."id" AND f."state" = \'accepted\'), ' +
      '"followingCount" = (SELECT count(*) FROM "actorFollow" f WHERE f."actorId" = "actor"."id" AND f."state" = \'accepted\') ' +
      'WHERE "actor"."id" IN (:actorIds)',
      { replacements: { actorIds }, type: QueryTypes.UPDATE, transaction }
    )
  }

  private static actorInclude (as: 'ActorFollower' | 'ActorFollowing') {
    return { model: ActorModel, as, required: true, include: [ { model: ServerModel, required: false }, ActorImageModel.includeForActor() ] }
  }

  static withActors () {
    return [ ActorFollowModel.actorInclude('ActorFollower'), ActorFollowModel.actorInclude('ActorFollowing') ]
  }

  static async loadByActorAndTarget (actorId: number, targetActorId: number, transaction?: Transaction) {
    return ActorFollowModel.findOne({
      where: { actorId, targetActorId },
      include: ActorFollowModel.withActors(),
      transaction
    })
  }

  static async loadByUrl (url: string, transaction?: Transaction) {
    return ActorFollowModel.findOne({ where: { url }, include: ActorFollowModel.withActors(), transaction })
  }

  /**
   * Follows by our actors of remote actors, still pending, whose Follow is due to be sent again: at
   * `followResendAt`, or, never planned (stored before resends existed), `firstDelayMs` after their last change.
   */
  static async listDueForResend (firstDelayMs: number, limit: number) {
    const now = Date.now()
    return ActorFollowModel.findAll({
      where: {
        state: 'pending',
        [Op.or]: [
          { followResendAt: { [Op.lte]: new Date(now) } },
          { followResendAt: null, updatedAt: { [Op.lte]: new Date(now - firstDelayMs) } }
        ]
      },
      include: [
        { ...ActorFollowModel.actorInclude('ActorFollower'), where: { serverId: null } },
        { ...ActorFollowModel.actorInclude('ActorFollowing'), where: { serverId: { [Op.ne]: null } } }
      ],
      order: [ [ 'id', 'ASC' ] ],
      limit
    })
  }

  static async loadWithActors (id: number) {
    return ActorFollowModel.findByPk(id, { include: ActorFollowModel.withActors() })
  }

  /** Followers' or followings' rows for the REST lists (see FollowListOptions). */
  static async listForApi (options: FollowListOptions) {
    const query = buildFollowListQuery(options)
    const [ total, rows ] = await Promise.all([
      ActorFollowModel.count({ where: query.where, include: query.countInclude, distinct: true, col: 'id' }),
      ActorFollowModel.findAll({
        where: query.where,
        include: ActorFollowModel.withActors(),
        order: query.order,
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data: rows }
  }

  /** URLs of the accepted followers of an actor, a page at a time (ActivityPub followers collection). */
  static async listFollowerUrls (targetActorId: number, start: number, count: number) {
    return ActorFollowModel.listCollection('ActorFollower', { targetActorId, state: 'accepted' }, start, count)
  }

  /** URLs of the actors an actor follows (accepted), a page at a time (ActivityPub following collection). */
  static async listFollowingUrls (actorId: number, start: number, count: number) {
    return ActorFollowModel.listCollection('ActorFollowing', { actorId, state: 'accepted' }, start, count)
  }

  private static async listCollection (
    as: 'ActorFollower' | 'ActorFollowing',
    where: { actorId?: number, targetActorId?: number, state: FollowState },
    start: number,
    count: number
  ) {
    const [ total, rows ] = await Promise.all([
      ActorFollowModel.count({ where }),
      ActorFollowModel.findAll({
        where,
        include: [ { model: ActorModel, as, required: true, attributes: [ 'url' ] } ],
        order: [ [ 'id', 'ASC' ] ],
        offset: start,
        limit: count
      })
    ])
    return { total, data: rows.map(row => (row[as] as ActorModel).url) }
  }

  /**
   * Inboxes to deliver to for the followers of these actors: the shared inbox when the follower has one (one
   * delivery per instance), else its own inbox. Only remote followers with an accepted follow.
   */
  static async listFollowerInboxes (targetActorIds: number[]) {
    if (targetActorIds.length === 0) return []
    const rows = await ActorFollowModel.sequelize!.query<{ inbox: string }>(
      'SELECT DISTINCT COALESCE(a."sharedInboxUrl", a."inboxUrl") AS "inbox" FROM "actorFollow" f ' +
      'INNER JOIN "actor" a ON a."id" = f."actorId" ' +
      'WHERE f."targetActorId" IN (:targetActorIds) AND f."state" = \'accepted\' AND a."serverId" IS NOT NULL',
      { replacements: { targetActorIds }, type: QueryTypes.SELECT }
    )
    return rows.map(row => row.inbox)
  }

  /** Local actors following the given remote actor (to know who cares about what it publishes). */
  static async countLocalFollowersOf (targetActorId: number) {
    return ActorFollowModel.count({
      where: { targetActorId, state: 'accepted' },
      include: [ { model: ActorModel, as: 'ActorFollower', required: true, where: { serverId: { [Op.is]: null } } } ]
    })
  }
}
