import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { ActorModel } from '../actor/actor.js'
import { ServerModel } from '../server/server.js'
import type { UserModel } from '../user/user.js'

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

  static withActor () {
    return { model: ActorModel, required: true, include: [ { model: ServerModel, required: false } ] }
  }

  static async loadByUserId (userId: number) {
    return AccountModel.findOne({ where: { userId }, include: [ AccountModel.withActor() ] })
  }

  /** `name` is a local handle or `name@host` for a remote account. */
  static async loadByHandle (handle: string) {
    const [ name, host ] = handle.split('@')
    return AccountModel.findOne({
      include: [ {
        model: ActorModel,
        required: true,
        where: { preferredUsername: name },
        include: [ { model: ServerModel, required: !!host, where: host ? { host } : undefined } ]
      } ],
      where: host ? undefined : { '$Actor.serverId$': null }
    })
  }
}
