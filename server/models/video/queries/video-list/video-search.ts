import { VIDEO_SEARCH } from '../../../../initializers/constants/video-list.js'
import { VideoModel } from '../../video.js'
import type { SqlParams } from './sql-params.js'
import { NAME_POSTINGS_TABLE } from './video-name-postings-sql.js'
import { estimateRows } from './video-list-count.js'
import { selectListRows } from './prepared-select.js'
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
   * How a search in date order walks postings (video-name-postings-sql.ts) for the exact words: the terms of the query
   * that names contain, the rarest first. Empty when no word is known (a prefix alone, or only typos).
   */
  exactTerms: WalkTerm[]
  /** The same for the corrected words (a corrected word is the term of its corrections). */
  correctedTerms: WalkTerm[]
  /**
   * Few videos (by the planner's estimate) have all the words of several: a walk would go through many postings of
   * its rarest word for each match, while the full-text index intersects the words at once. Date-ordered search
   * then reads the index's matches and sorts them (exactTerms / correctedTerms are empty).
   */
  exactFew?: boolean
  correctedFew?: boolean
  /** Tags equal to the query. */
  tagIds: number[]
}

/** One word of the query as the words of names it stands for (itself, or its corrections), and their postings. */
export interface WalkTerm {
  words: string[]
  /** Postings of those words, each counted up to VIDEO_SEARCH.RAREST_WORD_COUNT_UP_TO. */
  uses: number
}

interface WordCorrection {
  word: string
  known: boolean
  /** Postings of the word, counted up to VIDEO_SEARCH.RAREST_WORD_COUNT_UP_TO. */
  uses: number
  close: string[]
  /** Postings of each close word, counted the same way. */
  closeUses: number[]
}

export function splitWords (text: string) {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, VIDEO_SEARCH.MAX_WORDS)
}

const postingsUpTo = (word: string) =>
  `(SELECT count(*) FROM (SELECT 1 FROM "${NAME_POSTINGS_TABLE}" WHERE "word" = ${word} LIMIT ${VIDEO_SEARCH.RAREST_WORD_COUNT_UP_TO}) AS "postings")::int`

/** The letters an edit may replace or insert. */
const EDIT_LETTERS = `unnest(string_to_array('${VIDEO_SEARCH.EDIT_ALPHABET}', NULL)) AS "letter"`

/**
 * Words one edit away from the typed word, which trigrams often miss in a short word (one edit changes up to three
 * of its trigrams: "lunux" and "linux" share a third of theirs): two neighbouring letters swapped ("reveiw"), one
 * letter replaced ("lunux"), one missing ("linx") and, for longer words, one letter too many. Generated from the
 * word itself (replaced and missing letters from VIDEO_SEARCH.EDIT_ALPHABET: the vocabulary is lowercase and
 * unaccented) and looked up by the vocabulary's key, so they cost index probes, whatever the vocabulary's size.
 */
const EDIT_CANDIDATES_SQL = (word: string) => `
  SELECT left(${word}, "i" - 1) || substr(${word}, "i" + 1, 1) || substr(${word}, "i", 1) || substr(${word}, "i" + 2)
  FROM generate_series(1, length(${word}) - 1) AS "i" WHERE length(${word}) >= ${VIDEO_SEARCH.TRANSPOSITIONS_FROM_LENGTH}
  UNION
  SELECT left(${word}, "i" - 1) || substr(${word}, "i" + 1)
  FROM generate_series(1, length(${word})) AS "i" WHERE length(${word}) >= ${VIDEO_SEARCH.DELETIONS_FROM_LENGTH}
  UNION
  SELECT left(${word}, "i" - 1) || "letter" || substr(${word}, "i" + 1)
  FROM generate_series(1, length(${word})) AS "i", ${EDIT_LETTERS}
  WHERE length(${word}) BETWEEN ${VIDEO_SEARCH.SUBSTITUTIONS_FROM_LENGTH} AND ${VIDEO_SEARCH.EDITS_BY_LETTER_UP_TO_LENGTH}
  UNION
  SELECT left(${word}, "i") || "letter" || substr(${word}, "i" + 1)
  FROM generate_series(0, length(${word})) AS "i", ${EDIT_LETTERS}
  WHERE length(${word}) BETWEEN ${VIDEO_SEARCH.INSERTIONS_FROM_LENGTH} AND ${VIDEO_SEARCH.EDITS_BY_LETTER_UP_TO_LENGTH}`

/**
 * The query's words as indexed (lowercase, unaccented), whether names contain them, their postings (counted up to
 * a bound) and their closest words: the nearest by trigram word similarity (GiST KNN on the vocabulary) that are
 * close enough, and the words one edit away (EDIT_CANDIDATES_SQL), those first. Only words that no name
 * has are corrected ("NOT known", a test on the outer row that skips the scans): the nearest-words search costs
 * milliseconds (GiST KNN on trigrams over the whole vocabulary).
 */
const CORRECTIONS_SQL = `
  SELECT "query"."word", "query"."known",
    CASE WHEN "query"."known" THEN ${postingsUpTo('"query"."word"')} ELSE 0 END AS "uses",
    coalesce("corrections"."words", ARRAY[]::text[]) AS "close",
    ARRAY(SELECT ${postingsUpTo('"c"."word"')} FROM unnest("corrections"."words") WITH ORDINALITY AS "c"("word", "position") ORDER BY "c"."position") AS "closeUses"
  FROM (
    SELECT "typed"."word", "typed"."position", EXISTS (SELECT 1 FROM "videoNameWord" WHERE "word" = "typed"."word") AS "known"
    FROM (SELECT lower(immutable_unaccent("typed")) AS "word", "position" FROM unnest(ARRAY[:words]::text[]) WITH ORDINALITY AS "typed"("typed", "position")) AS "typed"
  ) AS "query"
  CROSS JOIN LATERAL (
    SELECT array_agg("ranked"."word" ORDER BY "ranked"."rank") AS "words" FROM (
      SELECT "candidate"."word", row_number() OVER (
        ORDER BY bool_or("candidate"."edit") DESC, word_similarity("query"."word", "candidate"."word") DESC,
          similarity("query"."word", "candidate"."word") DESC, "candidate"."word"
      ) AS "rank"
      FROM (
        SELECT "nearest"."word", false AS "edit" FROM (
          SELECT "word" FROM "videoNameWord" WHERE NOT "query"."known" ORDER BY "word" <->> "query"."word" LIMIT ${VIDEO_SEARCH.CORRECTIONS_PER_WORD}
        ) AS "nearest"
        WHERE word_similarity("query"."word", "nearest"."word") >= ${VIDEO_SEARCH.CORRECTION_MIN_WORD_SIMILARITY}
        UNION ALL
        -- = ANY(ARRAY(...)): one probe of the key per candidate (with IN, the planner may hash hundreds of candidates
        -- against a scan of the whole vocabulary).
        SELECT "v"."word", true FROM "videoNameWord" AS "v" WHERE NOT "query"."known" AND "v"."word" = ANY(ARRAY(${EDIT_CANDIDATES_SQL('"query"."word"')}))
      ) AS "candidate"
      WHERE "candidate"."word" <> "query"."word"
      GROUP BY "candidate"."word"
    ) AS "ranked" WHERE "ranked"."rank" <= ${VIDEO_SEARCH.CORRECTIONS_PER_WORD}
  ) AS "corrections"
  ORDER BY "query"."position"`

export async function prepareSearch (text: string): Promise<Omit<PreparedSearch, 'tagIds'>> {
  const words = splitWords(text)
  if (words.length === 0) return { text, exactTerms: [], correctedTerms: [] }

  // Prepared once frequent, as pages are: planning this statement costs a few milliseconds of every search.
  const corrections = await selectListRows<WordCorrection>(VideoModel.sequelize!, CORRECTIONS_SQL, { words })
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
  const exactTerms = walkTerms(corrections.filter(c => c.known).map(c => ({ words: [ c.word ], uses: c.uses })))
  const correctedTerms = corrected
    ? walkTerms(corrections.flatMap(c => {
      if (c.known) return [ { words: [ c.word ], uses: c.uses } ]
      return c.close.length === 0 ? [] : [ { words: c.close, uses: c.closeUses.reduce((sum, n) => sum + n, 0) } ]
    }))
    : []
  const [ exactFew, correctedFew ] = await Promise.all([ fewMatches(exact, exactTerms), fewMatches(corrected, correctedTerms) ])
  return {
    text,
    exact,
    corrected,
    exactTerms: exactFew ? [] : exactTerms,
    correctedTerms: correctedFew ? [] : correctedTerms,
    exactFew,
    correctedFew
  }
}

/**
 * Whether a walk of several terms should give way to the full-text index: the planner's estimate of the names
 * matching the whole query (from the document's lexeme statistics) is below VIDEO_SEARCH.WALK_FROM_MATCHES. Planning
 * this bare statement is cheap, and the estimate is cached (video-list-count.ts).
 */
async function fewMatches (tsquery: string | undefined, terms: WalkTerm[]) {
  if (!tsquery || terms.length < 2) return false
  const rows = await estimateRows({ branches: [ `SELECT 1 FROM "video" WHERE ${NAME_DOCUMENT} @@ to_tsquery('simple', :tsquery)` ], replacements: { tsquery } })
  return rows < VIDEO_SEARCH.WALK_FROM_MATCHES
}

/** The rarest first (the one a walk goes through; a word no video has any more: none to walk). */
function walkTerms (terms: WalkTerm[]) {
  return [ ...terms ].sort((a, b) => a.uses - b.uses)
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
  const byDate = ordered?.order.column === 'publishedAt' ? ordered : undefined
  // Unordered (the count): the matches from the full-text index alone, then the list's conditions on each. Without
  // the fence the planner ANDed the index's bitmap with the bitmap of every listed video (video_privacy_state, 925k
  // rows: 30-100 ms) to save a few table reads.
  // The same in date order when few videos match (PreparedSearch.exactFew), sorted.
  const fullTextMatches = (tsquery: string, tier: number, few?: boolean) => {
    if (ordered && !(few && byDate)) return select(fullText(tsquery), tier)
    const fenced = `SELECT "video"."id"${columns ? `, ${columns}, ${tier} AS "tier"` : ''} FROM (SELECT * FROM "video" WHERE ${fullText(tsquery)} OFFSET 0) AS "video" WHERE ${where}`
    return ordered ? `${fenced} ORDER BY ${orderBySql(ordered.order)} LIMIT ${Math.floor(ordered.limit)}` : fenced
  }
  const branches: string[] = []
  // In date order, name matches walk the postings of the query's rarest term (each posting checked for the other
  // words on the postings, then its video tested for the whole query), and a tag's videos the tag's postings: range
  // scans stopped at the page's end.
  const walk = (postings: PostingsWalk, conditions: string, tier: number) =>
    postingsBranchSql(postings, conditions, { ...byDate!, columns: columns ? `${columns}, ${tier} AS "tier"` : undefined })
  const walkWords = (terms: WalkTerm[], tsquery: string, tier: number) => {
    const [ rarest, ...others ] = terms.map(term => term.words.map(word => params.add(word)))
    return walk(namePostings(rarest, others), `${where} AND ${fullText(tsquery)}`, tier)
  }
  if (search.exact) {
    branches.push(byDate && search.exactTerms.length !== 0 ? walkWords(search.exactTerms, search.exact, 0) : fullTextMatches(search.exact, 0, search.exactFew))
  }
  if (search.tagIds.length === 1 && byDate) branches.push(walk(tagPostings(search.tagIds[0]), where, 0))
  else if (search.tagIds.length !== 0) branches.push(select(videosWithTagIdsSql(search.tagIds, lookups), 0))
  if (search.corrected) {
    branches.push(byDate && search.correctedTerms.length !== 0 ? walkWords(search.correctedTerms, search.corrected, 1) : fullTextMatches(search.corrected, 1, search.correctedFew))
  }
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
