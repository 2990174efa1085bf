import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/** The OAuth client of the local web interface (and of anything that asks for it, like PeerTube's CLI). */
export class OAuthClientModel extends Model<InferAttributes<OAuthClientModel>, InferCreationAttributes<OAuthClientModel>> {
  declare id: CreationOptional<number>
  declare clientId: string
  declare clientSecret: string
  declare grants: string[]
  declare redirectUris: CreationOptional<string[]>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    OAuthClientModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      clientId: { type: DataTypes.STRING, allowNull: false },
      clientSecret: { type: DataTypes.STRING, allowNull: false },
      grants: { type: DataTypes.ARRAY(DataTypes.STRING(20)), allowNull: false },
      redirectUris: { type: DataTypes.ARRAY(DataTypes.STRING), allowNull: false, defaultValue: [] },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'OAuthClient', tableName: 'oAuthClient', indexes: [ { fields: [ 'clientId' ], unique: true } ] })
  }

  static async loadLocal () {
    return OAuthClientModel.findOne({ order: [ [ 'id', 'ASC' ] ] })
  }

  static async loadByCredentials (clientId: string, clientSecret: string) {
    return OAuthClientModel.findOne({ where: { clientId, clientSecret } })
  }
}
