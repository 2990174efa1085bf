import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { ACTOR_TYPES, type ActorType } from '../../../shared/models/actors.js'
import { ServerModel } from '../server/server.js'

/**
 * The ActivityPub side of an account, a channel or the instance itself: its URLs and keys.
 * Local actors have no serverId; remote ones point at their instance.
 */
export class ActorModel extends Model<InferAttributes<ActorModel>, InferCreationAttributes<ActorModel>> {
  declare id: CreationOptional<number>
  declare type: ActorType
  declare preferredUsername: string
  declare url: string
  declare publicKey: string | null
  declare privateKey: CreationOptional<string | null>
  declare followersCount: CreationOptional<number>
  declare followingCount: CreationOptional<number>
  declare inboxUrl: string
  declare outboxUrl: string | null
  declare sharedInboxUrl: string | null
  declare followersUrl: string | null
  declare followingUrl: string | null
  declare remoteCreatedAt: CreationOptional<Date | null>
  declare lastFetchedAt: CreationOptional<Date | null>
  declare serverId: ForeignKey<ServerModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Server?: NonAttribute<ServerModel | null>

  static initModel (sequelize: Sequelize) {
    ActorModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.ENUM(...ACTOR_TYPES), allowNull: false },
      preferredUsername: { type: DataTypes.STRING, allowNull: false },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      publicKey: { type: DataTypes.STRING(5000), allowNull: true },
      privateKey: { type: DataTypes.STRING(5000), allowNull: true },
      followersCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      followingCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      inboxUrl: { type: DataTypes.STRING(2000), allowNull: false },
      outboxUrl: { type: DataTypes.STRING(2000), allowNull: true },
      sharedInboxUrl: { type: DataTypes.STRING(2000), allowNull: true },
      followersUrl: { type: DataTypes.STRING(2000), allowNull: true },
      followingUrl: { type: DataTypes.STRING(2000), allowNull: true },
      remoteCreatedAt: { type: DataTypes.DATE, allowNull: true },
      lastFetchedAt: { type: DataTypes.DATE, allowNull: true },
      serverId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Actor',
      tableName: 'actor',
      indexes: [
        { fields: [ 'url' ], unique: true },
        // One local actor per name (an account and a channel cannot share a handle, as in PeerTube).
        { fields: [ 'preferredUsername' ], unique: true, where: { serverId: null } },
        { fields: [ 'preferredUsername', 'serverId' ], unique: true, where: { serverId: { [Op.ne]: null } } },
        { fields: [ 'serverId' ] },
        { fields: [ 'sharedInboxUrl' ] }
      ]
    })
  }

  static associate () {
    ActorModel.belongsTo(ServerModel, { foreignKey: { name: 'serverId', allowNull: true }, onDelete: 'CASCADE' })
  }

  isLocal () {
    return this.serverId === null || this.serverId === undefined
  }

  static async loadLocalByName (preferredUsername: string) {
    return ActorModel.findOne({ where: { preferredUsername, serverId: null } })
  }

  static async loadByUrl (url: string) {
    return ActorModel.findOne({ where: { url }, include: [ { model: ServerModel, required: false } ] })
  }

  static async isLocalNameTaken (preferredUsername: string) {
    return (await ActorModel.count({ where: { preferredUsername, serverId: null } })) !== 0
  }
}
