import {
  DataTypes, Model, Op, QueryTypes,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { containsPattern } from '../../helpers/sql-like.js'
import { AccountModel } from '../account/account.js'
import { ServerModel } from '../server/server.js'

/**
 * A whole remote instance muted by an account: a user's (its content hidden from that user) or the instance's
 * own account (hidden from everyone, its inbox requests refused, nothing delivered to it). PeerTube's table name.
 */
export class ServerBlocklistModel extends Model<InferAttributes<ServerBlocklistModel>, InferCreationAttributes<ServerBlocklistModel>> {
  declare id: CreationOptional<number>
  declare accountId: ForeignKey<AccountModel['id']>
  declare targetServerId: ForeignKey<ServerModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare ByAccount?: NonAttribute<AccountModel>
  declare BlockedServer?: NonAttribute<ServerModel>

  static initModel (sequelize: Sequelize) {
    ServerBlocklistModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      targetServerId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ServerBlocklist',
      tableName: 'serverBlocklist',
      indexes: [ { fields: [ 'accountId', 'targetServerId' ], unique: true }, { fields: [ 'targetServerId' ] } ]
    })
  }

  static associate () {
    ServerBlocklistModel.belongsTo(AccountModel, { as: 'ByAccount', foreignKey: { name: 'accountId', allowNull: false }, onDelete: 'CASCADE' })
    ServerBlocklistModel.belongsTo(ServerModel, { as: 'BlockedServer', foreignKey: { name: 'targetServerId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static async load (accountId: number, targetServerId: number) {
    return ServerBlocklistModel.findOne({ where: { accountId, targetServerId } })
  }

  /** The hosts among `hosts` that `byAccountId` muted (lower-case, as stored). */
  static async listBlockedHosts (byAccountId: number, hosts: string[]) {
    if (hosts.length === 0) return new Set<string>()
    const rows = await ServerBlocklistModel.sequelize!.query<{ host: string }>(
      'SELECT s.host FROM "serverBlocklist" b JOIN server s ON s.id = b."targetServerId" WHERE b."accountId" = :byAccountId AND s.host IN (:hosts)',
      { replacements: { byAccountId, hosts }, type: QueryTypes.SELECT }
    )
    return new Set(rows.map(r => r.host))
  }

  /** Which of `byAccountIds` mute the server `serverId`. */
  static async listBlockers (byAccountIds: number[], serverId: number) {
    const rows = await ServerBlocklistModel.findAll({ attributes: [ 'accountId' ], where: { accountId: { [Op.in]: byAccountIds }, targetServerId: serverId } })
    return new Set(rows.map(r => r.accountId as number))
  }

  static async listForApi (options: { accountId: number, start: number, count: number, sort: string, search?: string }) {
    const serverWhere = options.search ? { host: { [Op.iLike]: containsPattern(options.search) } } : undefined
    const { rows, count } = await ServerBlocklistModel.findAndCountAll({
      where: { accountId: options.accountId },
      include: [
        { model: AccountModel, as: 'ByAccount', required: true, include: [ AccountModel.withActor() ] },
        { model: ServerModel, as: 'BlockedServer', required: true, where: serverWhere }
      ],
      order: [ [ 'createdAt', options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count,
      distinct: true
    })
    return { total: count, data: rows }
  }
}
