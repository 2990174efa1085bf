import type { Migration } from '../migrator.js'
import { ensureVideoListIndexes } from '../../models/video/queries/video-list/video-list-indexes.js'

/**
 * The list indexes carry the columns the audience conditions of public lists read ("channelId", "remote"), so
 * counts and deep pages walk them without visiting the table: each is built beside the one it replaces, which is
 * then dropped (a million videos: a few seconds per index).
 */
export const up: Migration['up'] = async ({ sequelize }) => {
  await ensureVideoListIndexes(sequelize)
}
