import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'
import { AbuseMessageModel } from '../../models/moderation/abuse-message.js'
import { AbuseModel } from '../../models/moderation/abuse.js'
import { AccountBlocklistModel } from '../../models/moderation/account-blocklist.js'
import { ServerBlocklistModel } from '../../models/moderation/server-blocklist.js'
import { VideoBlacklistModel } from '../../models/moderation/video-blacklist.js'

/**
 * Moderation: video blocks, account and server blocklists, abuse reports and their messages, and the users'
 * admin flags (the auto-block bypass). The tables come from the models; the queries join the migration's
 * transaction through the transaction context.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const userColumns = await queryInterface.describeTable('user')
  if (!userColumns.adminFlags) {
    await queryInterface.addColumn('user', 'adminFlags', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, { transaction })
  }

  for (const model of [ VideoBlacklistModel, AccountBlocklistModel, ServerBlocklistModel, AbuseModel, AbuseMessageModel ]) {
    await model.sync()
  }
}
