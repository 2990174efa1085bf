import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/** Identity conflicts record when an administrator chose who holds the identifier (issue 12). */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('identityConflict')
  if (!('resolvedAt' in existing)) {
    await queryInterface.addColumn('identityConflict', 'resolvedAt', { type: DataTypes.DATE, allowNull: true }, { transaction })
  }
}
