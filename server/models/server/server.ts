import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/** A remote instance we know of (its host), with the health of our deliveries to it. */
export class ServerModel extends Model<InferAttributes<ServerModel>, InferCreationAttributes<ServerModel>> {
  declare id: CreationOptional<number>
  declare host: string
  declare redundancyAllowed: CreationOptional<boolean>
  /** Set on the first failed delivery of a streak, cleared by any success. */
  declare failingSince: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ServerModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      host: { type: DataTypes.STRING, allowNull: false, unique: true },
      redundancyAllowed: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      failingSince: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'Server', tableName: 'server' })
  }

  static async loadOrCreateByHost (host: string) {
    const [ server ] = await ServerModel.findOrCreate({ where: { host }, defaults: { host } })
    return server
  }
}
