import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/** Where an actor image is kept: our disk (0) or the avatars bucket (1) when object storage is on (issue 16). */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('actorImage')
  if (!('storage' in existing)) {
    await queryInterface.addColumn('actorImage', 'storage', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, { transaction })
  }
}
