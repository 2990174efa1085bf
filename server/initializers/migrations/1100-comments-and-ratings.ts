import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'
import { AccountVideoRateModel } from '../../models/account/account-video-rate.js'
import { VideoCommentModel } from '../../models/video/video-comment.js'

/**
 * Comments and ratings: their tables, and the video's comment policy (enabled, disabled, requires approval),
 * derived from the old commentsEnabled flag for existing videos. The sync() queries join the migration's
 * transaction through the transaction context.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const columns = await queryInterface.describeTable('video')
  if (!columns.commentsPolicy) {
    await queryInterface.addColumn('video', 'commentsPolicy', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 }, { transaction })
    await sequelize.query('UPDATE video SET "commentsPolicy" = 2 WHERE "commentsEnabled" = false', { transaction })
  }
  await VideoCommentModel.sync()
  await AccountVideoRateModel.sync()
}
