import { DataTypes } from 'sequelize'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { StorageScrubRunModel } from '../../models/storage/storage-scrub-run.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import type { Migration } from '../migrator.js'

/**
 * Object storage, redundancy and integrity: a SHA-256 per stored file (files written before it get theirs at the
 * first scrub), where each thumbnail is stored, kept sources, mirrors (CacheFiles) and scrub runs.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  await queryInterface.addColumn('videoFile', 'sha256', { type: DataTypes.STRING(64), allowNull: true }, { transaction })
  await queryInterface.addColumn('thumbnail', 'storage', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, { transaction })
  await VideoSourceModel.sync()
  await VideoRedundancyModel.sync()
  await StorageScrubRunModel.sync()
}
