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
  /**
   * SQL of the keys' values (replacements or constants): the walk goes through the postings of all of them merged in
   * date order (a corrected word's alternatives), each video once.
   */
  keys: string[]
  /**
   * Other words the video's name must have, each as its alternatives (SQL values): tested on the postings table
   * (a probe of its key at the walked posting's date and video, no table read) before the video is read, so a
   * multi-word query reads only the videos that have all its words.
   */
  alsoWords?: string[][]
}

export const namePostings = (words: string[], alsoWords: string[][] = []): PostingsWalk =>
  ({ table: NAME_POSTINGS_TABLE, keyColumn: 'word', keys: words, alsoWords })
export const tagPostings = (tagId: number): PostingsWalk => ({ table: TAG_POSTINGS_TABLE, keyColumn: 'tagId', keys: [ String(Math.floor(tagId)) ] })

/** The walked postings `("publishedAt", "videoId")` of the keys, in the order's direction (for several keys: merged). */
function walkedPostingsSql (postings: PostingsWalk, direction: string) {
  const order = `ORDER BY "publishedAt" ${direction}, "videoId" ${direction}`
  if (postings.keys.length === 1) return `"${postings.table}"`
  // Each key's range in order, merged by PostgreSQL (Merge Append, then Unique on the sorted stream): still a walk
  // that stops when the page is full.
  const ranges = postings.keys.map(key =>
    `(SELECT "publishedAt", "videoId" FROM "${postings.table}" WHERE "${postings.keyColumn}" = ${key} ${order})`)
  return `(SELECT DISTINCT "publishedAt", "videoId" FROM (${ranges.join(' UNION ALL ')}) AS "ranges" ${order})`
}

/**
 * `SELECT "id"[, columns] FROM <postings>, LATERAL (<the posting's video if it passes the conditions>)` in the
 * order's direction of publishedAt then id, `LIMIT limit [OFFSET offset]`.
 *
 * Each posting's video is reached by its primary key and tested there: the OFFSET 0 keeps the planner from
 * flattening the lateral part into a join it may plan the other way round (for "linux review" it built the bitmap of
 * every video matching both words and compared each walked posting with each of them: 2.4 M comparisons, 791 ms).
 * The walk is ordered by the postings' key, so it stops as soon as the page is full.
 */
export function postingsBranchSql (postings: PostingsWalk, conditions: string, options: { order: VideoListOrder, limit: number, offset?: number, columns?: string }) {
  const direction = options.order.descending ? 'DESC' : 'ASC'
  const filters = postings.keys.length === 1 ? [ `"posting"."${postings.keyColumn}" = ${postings.keys[0]}` ] : []
  // OFFSET 0 again: a correlated probe per posting, not a semi-join that would sort every posting of the other word.
  for (const words of postings.alsoWords ?? []) {
    filters.push(`EXISTS (SELECT 1 FROM "${postings.table}" AS "other" WHERE "other"."${postings.keyColumn}" IN (${words.join(', ')}) ` +
      'AND "other"."publishedAt" = "posting"."publishedAt" AND "other"."videoId" = "posting"."videoId" OFFSET 0)')
  }
  return `SELECT "walked".* FROM ${walkedPostingsSql(postings, direction)} AS "posting" ` +
    `CROSS JOIN LATERAL (SELECT "video"."id"${options.columns ? `, ${options.columns}` : ''} FROM "video" ` +
    `WHERE "video"."id" = "posting"."videoId" AND ${conditions} OFFSET 0) AS "walked" ` +
    (filters.length !== 0 ? `WHERE ${filters.join(' AND ')} ` : '') +
    `ORDER BY "posting"."publishedAt" ${direction}, "posting"."videoId" ${direction} LIMIT ${Math.floor(options.limit)}` +
    (options.offset ? ` OFFSET ${Math.floor(options.offset)}` : '')
}
