import { QueryTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/**
 * Comment reports reference their comment: `abuse.videoCommentId -> videoComment.id`, set to null when the comment
 * row goes (a deleted video takes its comments along; the report keeps its snapshot and says "deleted"). The
 * moderation tables were created before comments existed on some databases, without the key.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  const existing = await sequelize.query<{ name: string }>(
    'SELECT tc.constraint_name AS name FROM information_schema.table_constraints tc ' +
    'JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name ' +
    'WHERE tc.table_name = \'abuse\' AND tc.constraint_type = \'FOREIGN KEY\' AND kcu.column_name = \'videoCommentId\'',
    { type: QueryTypes.SELECT, transaction }
  )
  if (existing.length !== 0) return

  // A reference to a comment that no longer exists would refuse the key: it reads as a deleted comment anyway.
  await sequelize.query(
    'UPDATE abuse SET "videoCommentId" = NULL WHERE "videoCommentId" IS NOT NULL ' +
    'AND NOT EXISTS (SELECT 1 FROM "videoComment" c WHERE c.id = abuse."videoCommentId")',
    { transaction }
  )
  await sequelize.getQueryInterface().addConstraint('abuse', {
    type: 'foreign key',
    name: 'abuse_videoCommentId_fkey',
    fields: [ 'videoCommentId' ],
    references: { table: 'videoComment', field: 'id' },
    onDelete: 'SET NULL',
    onUpdate: 'CASCADE',
    transaction
  })
}
