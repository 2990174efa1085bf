import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/**
 * Our Follows still pending are sent again on a backoff (issue 12): how many times, and when next. Pending rows of
 * before get their first resend `federation.followings.resend_pending.first` after their last change.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const existing = await queryInterface.describeTable('actorFollow')
  if (!('followResends' in existing)) {
    await queryInterface.addColumn('actorFollow', 'followResends', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, { transaction })
  }
  if (!('followResendAt' in existing)) {
    await queryInterface.addColumn('actorFollow', 'followResendAt', { type: DataTypes.DATE, allowNull: true }, { transaction })
  }
}
