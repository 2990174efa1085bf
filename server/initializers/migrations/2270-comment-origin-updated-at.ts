import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/**
 * Remote comments keep their origin's `updated` time (issue 12), as videos (2260) and playlists (2262) do: an
 * Update older than the text we hold is ignored, so a re-signed old edit cannot bring old words back once the
 * replay memory has forgotten it. Null for local comments and for copies stored before.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('videoComment')
  if (!('originUpdatedAt' in existing)) {
    await queryInterface.addColumn('videoComment', 'originUpdatedAt', { type: DataTypes.DATE, allowNull: true }, { transaction })
  }
}
