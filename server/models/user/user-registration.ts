import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize,
  type Transaction, type WhereOptions
} from 'sequelize'
import { UserRegistrationState, type UserRegistrationStateType } from '../../../shared/models/user-registrations.js'
import { sortToOrder } from './queries/list-sort.js'
import { UserModel } from './user.js'

/**
 * A sign-up waiting for (or decided by) a moderator, when signup.requires_approval is on. It holds everything
 * needed to create the user on acceptance, the password already hashed.
 */
export class UserRegistrationModel extends Model<InferAttributes<UserRegistrationModel>, InferCreationAttributes<UserRegistrationModel>> {
  declare id: CreationOptional<number>
  declare state: UserRegistrationStateType
  declare registrationReason: string
  declare moderationResponse: CreationOptional<string | null>
  /** bcrypt hash, never the password itself. */
  declare password: string
  declare username: string
  declare email: string
  declare emailVerified: CreationOptional<boolean | null>
  declare accountDisplayName: string | null
  declare channelHandle: string | null
  declare channelDisplayName: string | null
  declare userId: CreationOptional<ForeignKey<UserModel['id']> | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare User?: NonAttribute<UserModel | null>

  static initModel (sequelize: Sequelize) {
    UserRegistrationModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      state: { type: DataTypes.INTEGER, allowNull: false },
      registrationReason: { type: DataTypes.TEXT, allowNull: false },
      moderationResponse: { type: DataTypes.TEXT, allowNull: true },
      password: { type: DataTypes.STRING, allowNull: false },
      username: { type: DataTypes.STRING(50), allowNull: false },
      email: { type: DataTypes.STRING(400), allowNull: false },
      emailVerified: { type: DataTypes.BOOLEAN, allowNull: true },
      accountDisplayName: { type: DataTypes.STRING(120), allowNull: true },
      channelHandle: { type: DataTypes.STRING(50), allowNull: true },
      channelDisplayName: { type: DataTypes.STRING(120), allowNull: true },
      userId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'UserRegistration',
      tableName: 'userRegistration',
      indexes: [
        { fields: [ 'username' ], unique: true },
        { fields: [ 'email' ], unique: true },
        { fields: [ 'channelHandle' ], unique: true },
        { fields: [ 'userId' ] }
      ],
      defaultScope: { attributes: { exclude: [ 'password' ] } },
      scopes: { withPassword: { attributes: { include: [ 'password' ] } } }
    })
  }

  static associate () {
    // Deleting the user later keeps the registration as a record of the decision.
    UserRegistrationModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: true }, onDelete: 'SET NULL' })
  }

  static async load (id: number, transaction?: Transaction) {
    return UserRegistrationModel.findByPk(id, { include: [ { model: UserModel, required: false } ], transaction })
  }

  static async loadWithPassword (id: number, transaction?: Transaction) {
    return UserRegistrationModel.scope('withPassword').findByPk(id, { transaction })
  }

  /** A registration already holding this username, email or channel name, if any. */
  static async loadConflicting (options: { username: string, email: string, channelName?: string, exceptId?: number }, transaction?: Transaction) {
    const alternatives: WhereOptions<UserRegistrationModel>[] = [
      { username: options.username.toLowerCase() },
      { email: options.email.toLowerCase() }
    ]
    if (options.channelName) alternatives.push({ channelHandle: options.channelName })
    const where: WhereOptions<UserRegistrationModel> = { [Op.or]: alternatives }
    if (options.exceptId !== undefined) Object.assign(where, { id: { [Op.ne]: options.exceptId } })
    return UserRegistrationModel.findOne({ where, transaction })
  }

  static async countPending () {
    return UserRegistrationModel.count({ where: { state: UserRegistrationState.PENDING } })
  }

  static async listForApi (options: { start: number, count: number, sort: string, search?: string }) {
    const where: WhereOptions<UserRegistrationModel> = {}
    if (options.search) {
      const pattern = '%' + options.search.replace(/[\\%_]/g, c => '\\' + c) + '%'
      Object.assign(where, {
        [Op.or]: [
          { username: { [Op.iLike]: pattern } },
          { email: { [Op.iLike]: pattern } },
          { accountDisplayName: { [Op.iLike]: pattern } }
        ]
      })
    }

    const [ total, data ] = await Promise.all([
      UserRegistrationModel.count({ where }),
      UserRegistrationModel.findAll({
        where,
        include: [ { model: UserModel, required: false } ],
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
    ])
    return { total, data }
  }
}
