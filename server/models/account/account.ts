import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction
} from 'sequelize'
import { ActorImageModel } from '../actor/actor-image.js'
import { ActorModel } from '../actor/actor.js'
import { ServerModel } from '../server/server.js'
import { sortToOrder } from '../user/queries/list-sort.js'
import type { UserModel } from '../user/user.js'
import { parseActorHandle } from './actor-handle.js'

/** The public identity that owns channels and videos: a local user's, the instance's own, or a remote one. */
export class AccountModel extends Model<InferAttributes<AccountModel>, InferCreationAttributes<AccountModel>> {
  declare id: CreationOptional<number>
  /** Display name. The handle is the actor's preferredUsername. */
  declare name: string
  declare description: CreationOptional<string | null>
  declare actorId: ForeignKey<ActorModel['id']>
  declare userId: ForeignKey<UserModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Actor?: NonAttribute<ActorModel>

  static initModel (sequelize: Sequelize) {
    AccountModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING, allowNull: false },
      description: { type: DataTypes.STRING(1000), allowNull: true },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Account',
      tableName: 'account',
      indexes: [ { fields: [ 'actorId' ], unique: true }, { fields: [ 'userId' ], unique: true } ]
    })
  }

  static associate () {
    AccountModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
    ActorModel.hasOne(AccountModel, { foreignKey: 'actorId' })
  }

  /** The actor with what formatters need: its server (host) and its images. */
  static withActor () {
    return {
      model: ActorModel,
      required: true,
      include: [ { model: ServerModel, required: false }, ActorImageModel.includeForActor() ]
    }
  }

  static async loadByUserId (userId: number, transaction?: Transaction) {
    return AccountModel.findOne({ where: { userId }, include: [ AccountModel.withActor() ], transaction })
  }

  /** `name` or `name@host`; our own host means local (see parseActorHandle). */
  static async loadByHandle (handle: string) {
    const { name, host } = parseActorHandle(handle)
    return AccountModel.findOne({
      include: [ {
        ...AccountModel.withActor(),
        where: host ? { preferredUsername: name } : { preferredUsername: name, serverId: null },
        include: [
          host ? { model: ServerModel, required: true, where: { host } } : { model: ServerModel, required: false },
          ActorImageModel.includeForActor()
        ]
      } ]
    })
  }

  static async listForApi (options: { start: number, count: number, sort: string }) {
    const [ total, data ] = await Promise.all([
      AccountModel.count(),
      AccountModel.findAll({
        include: [ AccountModel.withActor() ],
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data }
  }
}
