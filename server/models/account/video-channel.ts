import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction
} from 'sequelize'
import { ActorImageModel } from '../actor/actor-image.js'
import { ActorModel } from '../actor/actor.js'
import { ServerModel } from '../server/server.js'
import { sortToOrder } from '../user/queries/list-sort.js'
import { AccountModel } from './account.js'
import { parseActorHandle } from './actor-handle.js'

/** A channel: the Group actor that publishes videos on behalf of an account. */
export class VideoChannelModel extends Model<InferAttributes<VideoChannelModel>, InferCreationAttributes<VideoChannelModel>> {
  declare id: CreationOptional<number>
  /** Display name. The handle is the actor's preferredUsername. */
  declare name: string
  declare description: CreationOptional<string | null>
  declare support: CreationOptional<string | null>
  declare actorId: ForeignKey<ActorModel['id']>
  declare accountId: ForeignKey<AccountModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Actor?: NonAttribute<ActorModel>
  declare Account?: NonAttribute<AccountModel>

  static initModel (sequelize: Sequelize) {
    VideoChannelModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING, allowNull: false },
      description: { type: DataTypes.STRING(1000), allowNull: true },
      support: { type: DataTypes.STRING(1000), allowNull: true },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoChannel',
      tableName: 'videoChannel',
      indexes: [ { fields: [ 'actorId' ], unique: true }, { fields: [ 'accountId' ] } ]
    })
  }

  static associate () {
    VideoChannelModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
    VideoChannelModel.belongsTo(AccountModel, { foreignKey: { name: 'accountId', allowNull: false }, onDelete: 'CASCADE' })
    AccountModel.hasMany(VideoChannelModel, { foreignKey: 'accountId' })
    ActorModel.hasOne(VideoChannelModel, { foreignKey: 'actorId' })
  }

  /** The channel's actor (server, images) and its owner account (with its actor): what formatVideoChannel needs. */
  static fullInclude () {
    return [ VideoChannelModel.actorInclude(), { model: AccountModel, required: true, include: [ AccountModel.withActor() ] } ]
  }

  private static actorInclude () {
    return { model: ActorModel, required: true, include: [ { model: ServerModel, required: false }, ActorImageModel.includeForActor() ] }
  }

  static async loadWithOwner (id: number, transaction?: Transaction) {
    return VideoChannelModel.findByPk(id, { include: VideoChannelModel.fullInclude(), transaction })
  }

  /** `name` or `name@host`; our own host means local (see parseActorHandle). */
  static async loadByHandle (handle: string, transaction?: Transaction) {
    const { name, host } = parseActorHandle(handle)
    const [ actorInclude, accountInclude ] = VideoChannelModel.fullInclude()
    return VideoChannelModel.findOne({
      include: [
        {
          ...actorInclude,
          where: host ? { preferredUsername: name } : { preferredUsername: name, serverId: null },
          include: [
            host ? { model: ServerModel, required: true, where: { host } } : { model: ServerModel, required: false },
            ActorImageModel.includeForActor()
          ]
        },
        accountInclude
      ],
      transaction
    })
  }

  static async countByAccount (accountId: number, transaction?: Transaction) {
    return VideoChannelModel.count({ where: { accountId }, transaction })
  }

  /** Every channel this instance knows (local and remote). */
  static async listForApi (options: { start: number, count: number, sort: string }) {
    const [ total, data ] = await Promise.all([
      VideoChannelModel.count(),
      VideoChannelModel.findAll({
        include: VideoChannelModel.fullInclude(),
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data }
  }

  static async listByAccount (accountId: number, options: { start: number, count: number, sort: string }) {
    const [ total, data ] = await Promise.all([
      VideoChannelModel.count({ where: { accountId } }),
      VideoChannelModel.findAll({
        where: { accountId },
        include: VideoChannelModel.fullInclude(),
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data }
  }

  /** A user's channels in creation order, as /users/me lists them. */
  static async listAllByAccount (accountId: number, transaction?: Transaction) {
    return VideoChannelModel.findAll({
      where: { accountId },
      include: [ VideoChannelModel.actorInclude() ],
      order: [ [ 'id', 'ASC' ] ],
      transaction
    })
  }
}
