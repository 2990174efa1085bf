import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/**
 * Remote videos keep their origin's `updated` time (issue 12): an Update older than the stored state is ignored,
 * so a re-signed old Update cannot bring an old name back. Null for local videos and for copies stored before.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('video')
  if (!('originUpdatedAt' in existing)) {
    await queryInterface.addColumn('video', 'originUpdatedAt', { type: DataTypes.DATE, allowNull: true }, { transaction })
  }
}
