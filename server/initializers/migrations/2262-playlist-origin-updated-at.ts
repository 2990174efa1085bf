import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/** Remote playlists keep their origin's `updated` time (issue 12): an older Update is ignored. Null for ours. */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('videoPlaylist')
  if (!('originUpdatedAt' in existing)) {
    await queryInterface.addColumn('videoPlaylist', 'originUpdatedAt', { type: DataTypes.DATE, allowNull: true }, { transaction })
  }
}
