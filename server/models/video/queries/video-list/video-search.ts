import { QueryTypes } from 'sequelize'
import { VIDEO_SEARCH } from '../../../../initializers/constants/video-list.js'
import { VideoModel } from '../../video.js'
import type { SqlParams } from './sql-params.js'
import { NAME_POSTINGS_TABLE } from './video-name-postings-sql.js'
import { namePostings, postingsBranchSql, tagPostings, type PostingsWalk } from './video-list-postings.js'
import { videosWithTagIdsSql, type ListLookups } from './video-list-filters.js'
import { orderBySql, type VideoListOrder } from './video-list-sort.js'

/**
 * Search matches a video when
 * - its name has every word of the query (full-text on the unaccented name, so accents and case do not matter; a
 *   last word that no name contains may be the start of a word, for searches typed as you go): tier 0;
 * - or one of its tags is the query (through the tag table's normalized index): tier 0;
 * - or its name has, for every word of the query, that word or one of its corrections: tier 1. A word that no
 *   name contains is corrected to the words of the names' vocabulary closest to it by pg_trgm word similarity
 *   (the nearest ones by the `<->>` distance, found by the vocabulary's GiST trigram index, and kept when their
 *   word similarity is at least VIDEO_SEARCH.CORRECTION_MIN_WORD_SIMILARITY), so typos match ("linx" finds
 *   "linux"). Correcting words against the vocabulary, then searching the corrected words with the full-text
 *   index, costs the same at a million videos as at a thousand; comparing the query with every name (`<%` on the
 *   names) costs a similarity computation per candidate name.
 * Each way is its own branch, planned with its own index, instead of an OR that the planner can only answer with a
 * scan. A page takes from every branch the first rows in the page's order (enough to fill the page) and merges
 * them; the count bounds each branch the same way.
 *
 * Relevance (`sort=-match`): tier 0 before tier 1, newest first; the first VIDEO_SEARCH.RANKED_WINDOW matches of that
 * order are then re-ranked by their similarity to the query (word similarity, then whole-name similarity). Only
 * those are scored, never every match.
 */

export interface PreparedSearch {
  /** The query as typed (trimmed). */
  text: string
  /** tsquery text with every word as typed (the last as a prefix); undefined when the query has no word. */
  exact?: string
  /** tsquery text with unknown words replaced by their corrections; undefined when no word needs one. */
  corrected?: string
  /**
   * The word of the query (as typed, known to names) with the fewest postings: a search in date order walks its
   * postings newest first (video-name-postings-sql.ts) and tests the whole query on each. Undefined when no word
   * is known (a prefix alone, or only typos).
   */
  walkWord?: string
  /** Tags equal to the query. */
  tagIds: number[]
}

interface WordCorrection {
  word: string
  known: boolean
  /** Postings of the word, counted up to VIDEO_SEARCH.RAREST_WORD_COUNT_UP_TO. */
  uses: number
  close: string[]
}

export function splitWords (text: string) {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, VIDEO_SEARCH.MAX_WORDS)
}

/** The query's words as indexed (lowercase, unaccented), whether names contain them, and their closest words. */
const CORRECTIONS_SQL = `
  SELECT "query"."word",
    EXISTS (SELECT 1 FROM "videoNameWord" WHERE "word" = "query"."word") AS "known",
    (SELECT count(*) FROM (SELECT 1 FROM "${NAME_POSTINGS_TABLE}" WHERE "word" = "query"."word" LIMIT ${VIDEO_SEARCH.RAREST_WORD_COUNT_UP_TO}) AS "postings")::int AS "uses",
    ARRAY(
      SELECT "nearest"."word" FROM (
        SELECT "word" FROM "videoNameWord" ORDER BY "word" <->> "query"."word" LIMIT ${VIDEO_SEARCH.CORRECTIONS_PER_WORD}
      ) AS "nearest"
      WHERE word_similarity("query"."word", "nearest"."word") >= ${VIDEO_SEARCH.CORRECTION_MIN_WORD_SIMILARITY}
      ORDER BY word_similarity("query"."word", "nearest"."word") DESC, similarity("query"."word", "nearest"."word") DESC, "nearest"."word"
    ) AS "close"
  FROM (SELECT lower(immutable_unaccent("typed")) AS "word", "position" FROM unnest(ARRAY[:words]::text[]) WITH ORDINALITY AS "typed"("typed", "position")) AS "query"
  ORDER BY "query"."position"`

export async function prepareSearch (text: string): Promise<Omit<PreparedSearch, 'tagIds'>> {
  const words = splitWords(text)
  if (words.length === 0) return { text }

  const corrections = await VideoModel.sequelize!.query<WordCorrection>(CORRECTIONS_SQL, { replacements: { words }, type: QueryTypes.SELECT })
  const last = corrections.length - 1
  const term = (lexemes: string[], prefix: boolean) => {
    const quoted = lexemes.map(lexeme => `'${lexeme.replaceAll('\'', '\'\'')}'${prefix ? ':*' : ''}`)
    return quoted.length === 1 ? quoted[0] : `(${quoted.join(' | ')})`
  }

  // The last word is a prefix only when no name has it as a word (it is being typed): a known word is searched as
  // itself, which the planner estimates from the index's statistics (prefixes it can only guess).
  const exact = corrections.map((c, i) => term([ c.word ], i === last && !c.known)).join(' & ')
  const needsCorrection = corrections.some(c => !c.known && c.close.length !== 0)
  const corrected = needsCorrection
    ? corrections.map((c, i) => (c.known || c.close.length === 0 ? term([ c.word ], i === last && !c.known) : term(c.close, false))).join(' & ')
    : undefined
  const walkable = corrections.filter(c => c.known && c.uses > 0).sort((a, b) => a.uses - b.uses)
  return { text, exact, corrected, walkWord: walkable[0]?.word }
}

/** The name's full-text document, a stored column (see video-list-indexes.ts): no parsing per row scanned. */
const NAME_DOCUMENT = '"video"."nameSearch"'

/** The first `limit` rows of each branch in this order (a page's branches). */
interface BranchOrder {
  order: VideoListOrder
  limit: number
}

/**
 * The branches of a search: `SELECT "video"."id"[, <columns>, <tier>] FROM "video" WHERE <filters> AND <match>`
 * (ids alone when no columns are asked for: what the count unions), each with its ORDER BY and LIMIT when `ordered`.
 */
export function searchBranches (search: PreparedSearch, where: string, params: SqlParams, lookups: ListLookups, columns?: string, ordered?: BranchOrder) {
  // Tags equal to the query were looked up first (video-list-lookups.ts): their ids are constants here.
  const select = (match: string, tier: number) => {
    const branch = `SELECT "video"."id"${columns ? `, ${columns}, ${tier} AS "tier"` : ''} FROM "video" WHERE ${where} AND ${match}`
    return ordered ? `${branch} ORDER BY ${orderBySql(ordered.order)} LIMIT ${Math.floor(ordered.limit)}` : branch
  }
  // The tsquery text is already normalized by PostgreSQL: to_tsquery only parses it.
  const fullText = (tsquery: string) => `${NAME_DOCUMENT} @@ to_tsquery('simple', ${params.add(tsquery)})`
  const branches: string[] = []
  // In date order, exact matches walk the postings of the query's rarest word (each video tested for the whole
  // query), and a tag's videos the tag's postings: one range scan each, stopped at the page's end.
  const byDate = ordered?.order.column === 'publishedAt' ? ordered : undefined
  const walk = (postings: PostingsWalk, conditions: string) =>
    postingsBranchSql(postings, conditions, { ...byDate!, columns: columns ? `${columns}, 0 AS "tier"` : undefined })
  if (search.exact) {
    branches.push(byDate && search.walkWord
      ? walk(namePostings(params.add(search.walkWord)), `${where} AND ${fullText(search.exact)}`)
      : select(fullText(search.exact), 0))
  }
  if (search.tagIds.length === 1 && byDate) branches.push(walk(tagPostings(search.tagIds[0]), where))
  else if (search.tagIds.length !== 0) branches.push(select(videosWithTagIdsSql(search.tagIds, lookups), 0))
  if (search.corrected) branches.push(select(fullText(search.corrected), 1))
  return branches
}

/** Ids of one page of a search sorted by a column: the first `needed` rows of each branch, merged. */
export function searchPageByColumnSql (search: PreparedSearch, where: string, params: SqlParams, lookups: ListLookups, order: VideoListOrder, page: { start: number, count: number }) {
  const needed = page.start + page.count
  const branches = searchBranches(search, where, params, lookups, `"video"."${order.column}" AS "sortValue"`, { order, limit: needed })
    .map(branch => `(${branch})`)
  const direction = order.descending ? 'DESC' : 'ASC'
  return `SELECT "id" FROM (SELECT DISTINCT "id", "sortValue" FROM (${branches.join(' UNION ALL ')}) AS "branches") AS "matches" ` +
    `ORDER BY "sortValue" ${direction} NULLS ${order.descending ? 'FIRST' : 'LAST'}, "id" ${direction} LIMIT ${page.count} OFFSET ${page.start}`
}

/** Ids of one page of a search by relevance (see the top of this file). */
export function searchPageByRelevanceSql (search: PreparedSearch, where: string, params: SqlParams, lookups: ListLookups, page: { start: number, count: number }) {
  const window = VIDEO_SEARCH.RANKED_WINDOW
  const needed = Math.max(page.start + page.count, window)
  const newest: VideoListOrder = { column: 'publishedAt', descending: true }
  const branches = searchBranches(search, where, params, lookups, '"video"."publishedAt"', { order: newest, limit: needed })
    .map(branch => `(${branch})`)
  const text = params.add(search.text)
  const score = (fn: string) => `CASE WHEN "candidates"."position" <= ${window} THEN ${fn}(lower(immutable_unaccent(${text})), lower(immutable_unaccent("video"."name"))) END DESC`

  return `WITH "candidates" AS (
      SELECT "id", row_number() OVER (ORDER BY min("tier"), "publishedAt" DESC, "id" DESC) AS "position"
      FROM (${branches.join(' UNION ALL ')}) AS "branches"
      GROUP BY "id", "publishedAt"
      ORDER BY min("tier"), "publishedAt" DESC, "id" DESC
      LIMIT ${needed}
    )
    SELECT "candidates"."id" FROM "candidates" JOIN "video" ON "video"."id" = "candidates"."id"
    ORDER BY ("candidates"."position" > ${window}), ${score('word_similarity')}, ${score('similarity')}, "candidates"."position"
    LIMIT ${page.count} OFFSET ${page.start}`
}
