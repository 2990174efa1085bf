import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { AccountModel } from '../account/account.js'
import { UserModel } from '../user/user.js'
import { OAuthClientModel } from './oauth-client.js'

export class OAuthTokenModel extends Model<InferAttributes<OAuthTokenModel>, InferCreationAttributes<OAuthTokenModel>> {
  declare id: CreationOptional<number>
  declare accessToken: string
  declare accessTokenExpiresAt: Date
  declare refreshToken: string
  declare refreshTokenExpiresAt: Date
  declare userId: ForeignKey<UserModel['id']>
  declare oAuthClientId: ForeignKey<OAuthClientModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare User?: NonAttribute<UserModel>

  static initModel (sequelize: Sequelize) {
    OAuthTokenModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accessToken: { type: DataTypes.STRING, allowNull: false },
      accessTokenExpiresAt: { type: DataTypes.DATE, allowNull: false },
      refreshToken: { type: DataTypes.STRING, allowNull: false },
      refreshTokenExpiresAt: { type: DataTypes.DATE, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      oAuthClientId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'OAuthToken',
      tableName: 'oAuthToken',
      indexes: [
        { fields: [ 'accessToken' ], unique: true },
        { fields: [ 'refreshToken' ], unique: true },
        { fields: [ 'userId' ] }
      ]
    })
  }

  static associate () {
    OAuthTokenModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: false }, onDelete: 'CASCADE' })
    OAuthTokenModel.belongsTo(OAuthClientModel, { foreignKey: { name: 'oAuthClientId', allowNull: false }, onDelete: 'CASCADE' })
  }

  /** The user behind a valid (unexpired) access token, with their account. */
  static async loadUserByAccessToken (accessToken: string) {
    const token = await OAuthTokenModel.findOne({
      where: { accessToken, accessTokenExpiresAt: { [Op.gt]: new Date() } },
      include: [ {
        model: UserModel,
        required: true,
        include: [ { model: AccountModel, required: true, include: [ AccountModel.withActor() ] } ]
      } ]
    })
    return token?.User
  }

  static async loadByRefreshToken (refreshToken: string) {
    return OAuthTokenModel.findOne({ where: { refreshToken } })
  }

  static async deleteUserTokens (userId: number) {
    await OAuthTokenModel.destroy({ where: { userId } })
  }
}
