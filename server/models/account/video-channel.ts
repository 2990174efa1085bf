import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { ActorModel } from '../actor/actor.js'
import { ServerModel } from '../server/server.js'
import { AccountModel } from './account.js'

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

  static fullInclude () {
    return [
      { model: ActorModel, required: true, include: [ { model: ServerModel, required: false } ] },
      { model: AccountModel, required: true, include: [ AccountModel.withActor() ] }
    ]
  }

  static async loadWithOwner (id: number) {
    return VideoChannelModel.findByPk(id, { include: VideoChannelModel.fullInclude() })
  }

  static async countByAccount (accountId: number) {
    return VideoChannelModel.count({ where: { accountId } })
  }
}
