import {
  DataTypes, Model,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { NSFW_POLICIES, UserRight, type NSFWPolicy, type UserRightType, type UserRoleType } from '../../../shared/models/users.js'
import { USER_RIGHTS_BY_ROLE } from '../../initializers/constants/users.js'
import { AccountModel } from '../account/account.js'

const bigintAsNumber = (field: string) => ({
  type: DataTypes.BIGINT,
  allowNull: false,
  get (this: Model) {
    const raw = this.getDataValue(field as never) as unknown
    return raw === null || raw === undefined ? raw : Number(raw)
  }
})

export class UserModel extends Model<InferAttributes<UserModel>, InferCreationAttributes<UserModel>> {
  declare id: CreationOptional<number>
  declare username: string
  declare email: string
  declare password: string
  declare role: UserRoleType
  declare nsfwPolicy: NSFWPolicy
  declare autoPlayVideo: CreationOptional<boolean>
  declare p2pEnabled: CreationOptional<boolean>
  /** Bytes; -1 is unlimited. */
  declare videoQuota: number
  declare videoQuotaDaily: number
  declare emailVerified: CreationOptional<boolean | null>
  declare blocked: CreationOptional<boolean>
  declare blockedReason: CreationOptional<string | null>
  declare lastLoginDate: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Account?: NonAttribute<AccountModel>

  static initModel (sequelize: Sequelize) {
    UserModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      username: { type: DataTypes.STRING(50), allowNull: false },
      email: { type: DataTypes.STRING(400), allowNull: false },
      password: { type: DataTypes.STRING, allowNull: false },
      role: { type: DataTypes.INTEGER, allowNull: false },
      nsfwPolicy: { type: DataTypes.ENUM(...NSFW_POLICIES), allowNull: false },
      autoPlayVideo: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      p2pEnabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videoQuota: bigintAsNumber('videoQuota'),
      videoQuotaDaily: bigintAsNumber('videoQuotaDaily'),
      emailVerified: { type: DataTypes.BOOLEAN, allowNull: true },
      blocked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      blockedReason: { type: DataTypes.STRING(250), allowNull: true },
      lastLoginDate: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'User',
      tableName: 'user',
      indexes: [ { fields: [ 'username' ], unique: true }, { fields: [ 'email' ], unique: true } ],
      defaultScope: { attributes: { exclude: [ 'password' ] } },
      scopes: { withPassword: { attributes: { include: [ 'password' ] } } }
    })
  }

  static associate () {
    UserModel.hasOne(AccountModel, { foreignKey: 'userId', onDelete: 'CASCADE' })
    AccountModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: true }, onDelete: 'CASCADE' })
  }

  hasRight (right: UserRightType) {
    const rights = USER_RIGHTS_BY_ROLE[this.role] ?? []
    return rights.includes(UserRight.ALL) || rights.includes(right)
  }

  static async loadWithAccount (id: number) {
    return UserModel.findByPk(id, { include: [ { model: AccountModel, required: true, include: [ AccountModel.withActor() ] } ] })
  }

  static async loadForLogin (usernameOrEmail: string) {
    const value = usernameOrEmail.toLowerCase()
    const field = value.includes('@') ? 'email' : 'username'
    return UserModel.scope('withPassword').findOne({ where: { [field]: value } })
  }

  static async countTotal () {
    return UserModel.count()
  }
}
