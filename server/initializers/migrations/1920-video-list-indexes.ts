import type { Migration } from '../migrator.js'
import { VideoNameWordModel } from '../../models/video/video-name-word.js'
import { ensureVideoListIndexes } from '../../models/video/queries/video-list/video-list-indexes.js'
import { backfillVideoNameWords } from '../../models/video/queries/video-list/video-name-words-sql.js'

/**
 * Lists and search at scale: partial (column, id) indexes per sort and per common filter on listed videos, the
 * name's stored full-text document ("nameSearch", a generated column: the table is rewritten) and its GIN index in
 * place of the trigram one, the normalized tag name, videoTag by video, (channelId, publishedAt, id) in place of the
 * channelId index, and the vocabulary of names for typo corrections (filled from the existing names, then kept by a
 * trigger). Built in the migration's transaction: a large instance spends a few
 * minutes here, once.
 */
export const up: Migration['up'] = async ({ sequelize }) => {
  await VideoNameWordModel.sync()
  await ensureVideoListIndexes(sequelize)
  await backfillVideoNameWords(sequelize)
}
