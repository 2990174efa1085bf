import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { containsPattern } from '../../helpers/sql-like.js'
import { AccountModel } from '../account/account.js'

/**
 * An account muted by another: by a user's account (hidden from that user) or by the instance's own account
 * (hidden from everyone, and its follows refused). PeerTube's table name.
 */
export class AccountBlocklistModel extends Model<InferAttributes<AccountBlocklistModel>, InferCreationAttributes<AccountBlocklistModel>> {
  declare id: CreationOptional<number>
  declare accountId: ForeignKey<AccountModel['id']>
  declare targetAccountId: ForeignKey<AccountModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare ByAccount?: NonAttribute<AccountModel>
  declare BlockedAccount?: NonAttribute<AccountModel>

  static initModel (sequelize: Sequelize) {
    AccountBlocklistModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      targetAccountId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'AccountBlocklist',
      tableName: 'accountBlocklist',
      indexes: [ { fields: [ 'accountId', 'targetAccountId' ], unique: true }, { fields: [ 'targetAccountId' ] } ]
    })
  }

  static associate () {
    AccountBlocklistModel.belongsTo(AccountModel, { as: 'ByAccount', foreignKey: { name: 'accountId', allowNull: false }, onDelete: 'CASCADE' })
    AccountBlocklistModel.belongsTo(AccountModel, { as: 'BlockedAccount', foreignKey: { name: 'targetAccountId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static async load (accountId: number, targetAccountId: number) {
    return AccountBlocklistModel.findOne({ where: { accountId, targetAccountId } })
  }

  /** Which of `byAccountIds` mute `targetAccountId`. */
  static async listBlockers (byAccountIds: number[], targetAccountId: number) {
    const rows = await AccountBlocklistModel.findAll({
      attributes: [ 'accountId' ],
      where: { accountId: { [Op.in]: byAccountIds }, targetAccountId }
    })
    return new Set(rows.map(r => r.accountId as number))
  }

  static async listForApi (options: { accountId: number, start: number, count: number, sort: string, search?: string }) {
    const where: Record<string | symbol, unknown> = { accountId: options.accountId }
    if (options.search) {
      const pattern = containsPattern(options.search)
      where[Op.or] = [ { '$BlockedAccount.name$': { [Op.iLike]: pattern } }, { '$BlockedAccount.Actor.preferredUsername$': { [Op.iLike]: pattern } } ]
    }
    const { rows, count } = await AccountBlocklistModel.findAndCountAll({
      where,
      include: [
        { model: AccountModel, as: 'ByAccount', required: true, include: [ AccountModel.withActor() ] },
        { model: AccountModel, as: 'BlockedAccount', required: true, include: [ AccountModel.withActor() ] }
      ],
      order: [ [ 'createdAt', options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count,
      distinct: true
    })
    return { total: count, data: rows }
  }
}
