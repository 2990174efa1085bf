import {
  DataTypes, Model, Op,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction,
  type WhereOptions
} from 'sequelize'
import { NSFW_POLICIES, UserRight, type NSFWPolicy, type UserRightType, type UserRoleType } from '../../../shared/models/users.js'
import { USER_RIGHTS_BY_ROLE } from '../../initializers/constants/users.js'
import { AccountModel } from '../account/account.js'
import { sortToOrder } from './queries/list-sort.js'

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
  declare autoPlayNextVideo: CreationOptional<boolean>
  declare autoPlayNextVideoPlaylist: CreationOptional<boolean>
  declare videosHistoryEnabled: CreationOptional<boolean>
  /** Languages the user wants to see videos in; null is every language. */
  declare videoLanguages: CreationOptional<string[] | null>
  declare theme: CreationOptional<string>
  declare noInstanceConfigWarningModal: CreationOptional<boolean>
  declare noWelcomeModal: CreationOptional<boolean>
  declare noAccountSetupWarningModal: CreationOptional<boolean>
  declare p2pEnabled: CreationOptional<boolean>
  /** Bytes; -1 is unlimited. */
  declare videoQuota: number
  declare videoQuotaDaily: number
  declare emailVerified: CreationOptional<boolean | null>
  /** A new address the user asked for, used once they prove they read it (signup.requires_email_verification). */
  declare pendingEmail: CreationOptional<string | null>
  declare blocked: CreationOptional<boolean>
  declare blockedReason: CreationOptional<string | null>
  /** PeerTube's UserAdminFlag bits (1: new videos skip the auto-block). */
  declare adminFlags: CreationOptional<number>
  declare lastLoginDate: CreationOptional<Date | null>
  /** Secret of the user's private feeds (/feeds/subscriptions.*): PeerTube's scoped token, renewable. */
  declare feedToken: CreationOptional<string>
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
      autoPlayNextVideo: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      autoPlayNextVideoPlaylist: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videosHistoryEnabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videoLanguages: { type: DataTypes.ARRAY(DataTypes.STRING(10)), allowNull: true, defaultValue: null },
      theme: { type: DataTypes.STRING, allowNull: false, defaultValue: 'instance-default' },
      noInstanceConfigWarningModal: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      noWelcomeModal: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      noAccountSetupWarningModal: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      p2pEnabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videoQuota: bigintAsNumber('videoQuota'),
      videoQuotaDaily: bigintAsNumber('videoQuotaDaily'),
      emailVerified: { type: DataTypes.BOOLEAN, allowNull: true },
      pendingEmail: { type: DataTypes.STRING(400), allowNull: true },
      blocked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      blockedReason: { type: DataTypes.STRING(250), allowNull: true },
      adminFlags: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastLoginDate: { type: DataTypes.DATE, allowNull: true },
      feedToken: { type: DataTypes.UUID, allowNull: false, defaultValue: DataTypes.UUIDV4 },
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

  hasAdminFlag (flag: number) {
    return ((this.adminFlags ?? 0) & flag) === flag
  }

  private static accountInclude () {
    return { model: AccountModel, required: true, include: [ AccountModel.withActor() ] }
  }

  static async loadWithAccount (id: number, transaction?: Transaction) {
    return UserModel.findByPk(id, { include: [ UserModel.accountInclude() ], transaction })
  }

  /** With the password hash, for the few places that compare or copy it. */
  static async loadWithPassword (id: number, transaction?: Transaction) {
    return UserModel.scope('withPassword').findByPk(id, { transaction })
  }

  static async loadForLogin (usernameOrEmail: string) {
    const value = usernameOrEmail.toLowerCase()
    const field = value.includes('@') ? 'email' : 'username'
    return UserModel.scope('withPassword').findOne({ where: { [field]: value } })
  }

  /** Whoever already holds this username or this email, if anyone. */
  static async loadByUsernameOrEmail (username: string, email: string, transaction?: Transaction) {
    return UserModel.findOne({
      where: { [Op.or]: [ { username: username.toLowerCase() }, { email: email.toLowerCase() } ] },
      transaction
    })
  }

  static async loadByEmail (email: string, transaction?: Transaction) {
    return UserModel.findOne({ where: { email: email.toLowerCase() }, transaction })
  }

  static async countTotal () {
    return UserModel.count()
  }

  static async listForApi (options: { start: number, count: number, sort: string, search?: string, blocked?: boolean }) {
    const conditions: WhereOptions<UserModel>[] = []
    if (options.search) {
      const pattern = '%' + options.search.replace(/[\\%_]/g, c => '\\' + c) + '%'
      conditions.push({ [Op.or]: [ { username: { [Op.iLike]: pattern } }, { email: { [Op.iLike]: pattern } } ] })
    }
    if (options.blocked !== undefined) conditions.push({ blocked: options.blocked })
    const where = conditions.length === 0 ? {} : { [Op.and]: conditions }

    const [ total, data ] = await Promise.all([
      UserModel.count({ where }),
      UserModel.findAll({
        where,
        include: [ UserModel.accountInclude() ],
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data }
  }
}
