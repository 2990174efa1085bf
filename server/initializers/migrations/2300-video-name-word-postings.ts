import type { Migration } from '../migrator.js'
import { ensureVideoNameWordPostings } from '../../models/video/queries/video-list/video-name-postings-sql.js'

/**
 * Search at scale: the postings of name words ordered by date ("videoNameWordPosting", kept by a trigger on
 * "video"), filled from the existing names, so the newest videos with a word are one index range scan. A million
 * videos take a few minutes here, once.
 */
export const up: Migration['up'] = async ({ sequelize }) => {
  await ensureVideoNameWordPostings(sequelize)
}
