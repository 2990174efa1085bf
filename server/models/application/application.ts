import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/** One row: facts about this installation (schema version). */
export class ApplicationModel extends Model<InferAttributes<ApplicationModel>, InferCreationAttributes<ApplicationModel>> {
  declare id: CreationOptional<number>
  declare migrationVersion: number
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ApplicationModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      migrationVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'Application', tableName: 'application' })
  }

  static async load () {
    return ApplicationModel.findOne({ order: [ [ 'id', 'ASC' ] ] })
  }
}
