import type { Migration } from '../migrator.js'
import { ensureVideoNameWordPostings } from '../../models/video/queries/video-list/video-name-postings-sql.js'
import { ensureVideoTagPostings } from '../../models/video/queries/video-list/video-tag-postings-sql.js'

/**
 * Search and tag lists at scale: the postings of name words and of tags ordered by date ("videoNameWordPosting",
 * "videoTagPosting", kept by triggers on "video" and "videoTag"), filled from the existing videos, so the newest
 * videos with a word or a tag are one index range scan. A million videos take a few minutes here, once.
 */
export const up: Migration['up'] = async ({ sequelize }) => {
  await ensureVideoNameWordPostings(sequelize)
  await ensureVideoTagPostings(sequelize)
}
