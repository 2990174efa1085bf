import { NAME_POSTINGS_TABLE } from './video-name-postings-sql.js'
import { TAG_POSTINGS_TABLE } from './video-tag-postings-sql.js'
import type { VideoListOrder } from './video-list-sort.js'

/**
 * Date-ordered pages through postings: `(key, publishedAt, videoId)` tables kept by triggers (the words of names,
 * the tags), whose key scanned forward or backward for one key gives that key's videos oldest or newest first.
 * Only for the publishedAt order (the default of lists and the order relevance starts from); each video reached is
 * tested for the list's conditions on its row, and the walk stops when the page is full.
 */
export interface PostingsWalk {
  table: string
  keyColumn: string
  /** SQL of the key's value (a replacement or a constant). */
  key: string
}

export const namePostings = (word: string): PostingsWalk => ({ table: NAME_POSTINGS_TABLE, keyColumn: 'word', key: word })
export const tagPostings = (tagId: number): PostingsWalk => ({ table: TAG_POSTINGS_TABLE, keyColumn: 'tagId', key: String(Math.floor(tagId)) })

/**
 * `SELECT "video"."id"[, columns] FROM <postings> JOIN "video" WHERE <key> AND <conditions>` in the order's
 * direction of publishedAt then id, `LIMIT limit [OFFSET offset]`.
 */
export function postingsBranchSql (postings: PostingsWalk, conditions: string, options: { order: VideoListOrder, limit: number, offset?: number, columns?: string }) {
  const direction = options.order.descending ? 'DESC' : 'ASC'
  return `SELECT "video"."id"${options.columns ? `, ${options.columns}` : ''} ` +
    `FROM "${postings.table}" AS "posting" JOIN "video" ON "video"."id" = "posting"."videoId" ` +
    `WHERE "posting"."${postings.keyColumn}" = ${postings.key} AND ${conditions} ` +
    `ORDER BY "posting"."publishedAt" ${direction}, "posting"."videoId" ${direction} LIMIT ${Math.floor(options.limit)}` +
    (options.offset ? ` OFFSET ${Math.floor(options.offset)}` : '')
}
