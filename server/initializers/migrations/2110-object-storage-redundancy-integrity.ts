import { DataTypes } from 'sequelize'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { StorageScrubRunModel } from '../../models/storage/storage-scrub-run.js'
import type { Migration } from '../migrator.js'

/**
 * Object storage, redundancy and integrity (issue 16): a SHA-256 per stored file (files written before it get theirs
 * at the first scrub), where each thumbnail is stored, the kept original on the video's source row (created by
 * 1900), mirrors (CacheFiles) and scrub runs. Columns are added only when missing: an older database may have had
 * `videoSource` created from the current model by 1900.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const queryInterface = sequelize.getQueryInterface()
  const addMissing = async (table: string, columns: Record<string, Parameters<typeof queryInterface.addColumn>[2]>) => {
    const existing = await queryInterface.describeTable(table)
    for (const [ name, definition ] of Object.entries(columns)) {
      if (!(name in existing)) await queryInterface.addColumn(table, name, definition, { transaction })
    }
  }
  await addMissing('videoFile', { sha256: { type: DataTypes.STRING(64), allowNull: true } })
  await addMissing('thumbnail', { storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 } })
  await addMissing('videoSource', {
    keptOriginalFilename: { type: DataTypes.STRING, allowNull: true },
    sha256: { type: DataTypes.STRING(64), allowNull: true },
    storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }
  })
  await sequelize.query(
    'CREATE UNIQUE INDEX IF NOT EXISTS "video_source_kept_original_filename" ON "videoSource" ("keptOriginalFilename")',
    { transaction }
  )
  await VideoRedundancyModel.sync()
  await StorageScrubRunModel.sync()
}
