import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { AccountModel } from '../account/account.js'
import { AbuseModel } from './abuse.js'

/** A message about a report between its (local) reporter and the moderators. */
export class AbuseMessageModel extends Model<InferAttributes<AbuseMessageModel>, InferCreationAttributes<AbuseMessageModel>> {
  declare id: CreationOptional<number>
  declare message: string
  declare byModerator: boolean
  declare accountId: ForeignKey<AccountModel['id']> | null
  declare abuseId: ForeignKey<AbuseModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Account?: NonAttribute<AccountModel | null>

  static initModel (sequelize: Sequelize) {
    AbuseMessageModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      message: { type: DataTypes.STRING(3000), allowNull: false },
      byModerator: { type: DataTypes.BOOLEAN, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      abuseId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'AbuseMessage',
      tableName: 'abuseMessage',
      indexes: [ { fields: [ 'abuseId' ] }, { fields: [ 'accountId' ] } ]
    })
  }

  static associate () {
    AbuseMessageModel.belongsTo(AccountModel, { foreignKey: { name: 'accountId', allowNull: true }, onDelete: 'SET NULL' })
    AbuseMessageModel.belongsTo(AbuseModel, { foreignKey: { name: 'abuseId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static async listByAbuse (abuseId: number) {
    const data = await AbuseMessageModel.findAll({
      where: { abuseId },
      include: [ { model: AccountModel, required: false, include: [ AccountModel.withActor() ] } ],
      order: [ [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ]
    })
    return { total: data.length, data }
  }

  static async loadInAbuse (id: number, abuseId: number) {
    return AbuseMessageModel.findOne({ where: { id, abuseId } })
  }

  /** Number of messages of each report. */
  static async countByAbuses (abuseIds: number[]) {
    if (abuseIds.length === 0) return new Map<number, number>()
    const rows = await AbuseMessageModel.count({ where: { abuseId: abuseIds }, group: [ 'abuseId' ] }) as unknown as { abuseId: number, count: number }[]
    return new Map(rows.map(r => [ r.abuseId, Number(r.count) ]))
  }
}
