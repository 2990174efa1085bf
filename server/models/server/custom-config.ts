import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/**
 * One row: the configuration an administrator changed at runtime (admin panel, PUT /api/v1/config/custom), as a
 * partial YAML-shaped object applied over the configuration files at every start.
 */
export class CustomConfigModel extends Model<InferAttributes<CustomConfigModel>, InferCreationAttributes<CustomConfigModel>> {
  declare id: CreationOptional<number>
  declare overrides: Record<string, unknown>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    CustomConfigModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      overrides: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'CustomConfig', tableName: 'customConfig' })
  }

  static async loadOverrides () {
    return (await CustomConfigModel.findOne({ order: [ [ 'id', 'ASC' ] ] }))?.overrides ?? {}
  }

  static async saveOverrides (overrides: Record<string, unknown>) {
    const row = await CustomConfigModel.findOne({ order: [ [ 'id', 'ASC' ] ] })
    if (row) {
      row.overrides = overrides
      row.changed('overrides', true)
      await row.save()
    } else {
      await CustomConfigModel.create({ overrides })
    }
  }
}
