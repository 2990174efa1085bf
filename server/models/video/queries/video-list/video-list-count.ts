import { QueryTypes } from 'sequelize'
import { VIDEO_LIST_COUNT } from '../../../../initializers/constants/video-list.js'
import { transactionNamespace } from '../../../../initializers/transaction-context.js'
import { VideoModel } from '../../video.js'
import { selectListRows } from './prepared-select.js'

/**
 * `total` of a video list without counting every match (an exact count(*) over a million rows is what made lists
 * slow). The rule, also in the API description:
 * - exact when the list has at most VIDEO_LIST_COUNT.EXACT_UP_TO matches: counted, with a LIMIT, so the count never
 *   reads more than that many rows;
 * - above, the planner's estimate (from the table's statistics), never below what is known to exist;
 * - exact again at the end: a page that is not full (or past the end) gives start + what it returned.
 * The count is skipped (estimate only) when the planner expects many more matches than the exact bound
 * (VIDEO_LIST_COUNT.TRUST_ESTIMATE_ABOVE), where counting up to the bound would cost as much as the page.
 */

export interface CountableQuery {
  /**
   * `SELECT "video"."id" ... FROM "video" ... WHERE ...` (no ORDER BY, no LIMIT): the matches are the union of these
   * (one for a list, one per way of matching for a search).
   */
  branches: string[]
  replacements: Record<string, unknown>
}

interface CachedEstimate {
  rows: number
  expires: number
  /** The refresh under way, if any: one per entry, whatever the number of requests reading it meanwhile. */
  refreshing?: Promise<number>
}

// Estimates change slowly (they come from ANALYZE): keep them briefly, bounded, as planning costs a round trip.
// An expired estimate is still answered while a new one is planned beside (stale while revalidating): only the first
// request of a statement waits for EXPLAIN (about 20 ms on a long statement), never one every ESTIMATE_CACHE_MS.
const estimateCache = new Map<string, CachedEstimate>()

/** The planner's estimate of the matches: of the largest branch (branches of a search overlap). */
export async function estimateRows (query: CountableQuery) {
  const estimates = await Promise.all(query.branches.map(sql => estimateBranch(sql, query.replacements)))
  return Math.max(...estimates)
}

async function estimateBranch (sql: string, replacements: Record<string, unknown>) {
  const key = sql + '\u0000' + JSON.stringify(replacements)
  const cached = estimateCache.get(key)
  if (cached === undefined) return planEstimate(key, sql, replacements)
  if (cached.expires <= Date.now() && cached.refreshing === undefined) {
    // Outside the request's unit of work, if any: the refresh may outlive its transaction.
    cached.refreshing = transactionNamespace.outside(() => planEstimate(key, sql, replacements))
    // A failed refresh keeps the old estimate; the next expired read tries again.
    cached.refreshing.catch(() => { cached.refreshing = undefined })
  }
  return cached.rows
}

async function planEstimate (key: string, sql: string, replacements: Record<string, unknown>) {
  const [ row ] = await VideoModel.sequelize!.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    { replacements, type: QueryTypes.SELECT }
  )
  const rows = Math.round(row['QUERY PLAN'][0].Plan['Plan Rows'])
  estimateCache.delete(key)
  if (estimateCache.size >= VIDEO_LIST_COUNT.ESTIMATE_CACHE_ENTRIES) estimateCache.delete(estimateCache.keys().next().value as string)
  estimateCache.set(key, { rows, expires: Date.now() + VIDEO_LIST_COUNT.ESTIMATE_CACHE_MS })
  return rows
}

/**
 * The number of matches, or `limit` when there are at least that many: each branch reads at most `limit` rows,
 * and when none is cut short their union is the exact set.
 */
export async function countUpTo (query: CountableQuery, limit: number) {
  const n = Math.floor(limit)
  const union = query.branches.map(sql => `(${sql} LIMIT ${n})`).join(' UNION ')
  // Prepared once frequent, as the page is (prepared-select.ts): a filtered list's count is planned like its page.
  const [ row ] = await selectListRows<{ count: string }>(VideoModel.sequelize!,
    `SELECT least(count(*), ${n}) AS "count" FROM (${union}) AS "matches"`, query.replacements)
  return Number(row.count)
}

export interface PageFacts {
  start: number
  /** Rows returned for the page (at most count). */
  returned: number
  /** Whether a row exists after the page (the page query asked for one more). */
  hasMore: boolean
}

/** The estimate and, when it will likely be needed, the bounded count, started before the page is read. */
export interface TotalPrefetch {
  estimate: Promise<number>
  counted: Promise<number | undefined>
}

/**
 * Starts what listTotal will most likely need, so it runs beside the page on another connection instead of after it:
 * the estimate, and the bounded count when the estimate is small and the page starts before the exact bound. When
 * the page turns out to be the last one, the count was not needed (it is then small: few matches).
 */
export function prefetchTotal (query: CountableQuery, start: number): TotalPrefetch {
  const estimate = estimateRows(query)
  const counted = estimate.then(rows => (rows <= VIDEO_LIST_COUNT.TRUST_ESTIMATE_ABOVE && start < VIDEO_LIST_COUNT.EXACT_UP_TO
    ? countUpTo(query, VIDEO_LIST_COUNT.EXACT_UP_TO + 1)
    : undefined))
  // Awaited only if needed: a failure then surfaces there, never as an unhandled rejection.
  estimate.catch(() => undefined)
  counted.catch(() => undefined)
  return { estimate, counted }
}

/** The `total` to answer for a page, following the rule above. */
export async function listTotal (query: CountableQuery, page: PageFacts, prefetch?: TotalPrefetch) {
  const { start, returned, hasMore } = page
  // The end of the list is in this page: its position is the exact count.
  if (!hasMore && (returned !== 0 || start === 0)) return start + returned
  // Past the end: count up to where the client asked (no more than the offset the page already walked).
  if (!hasMore) return countUpTo(query, start + 1)

  const known = start + returned + 1
  const bound = VIDEO_LIST_COUNT.EXACT_UP_TO
  const estimate = await (prefetch?.estimate ?? estimateRows(query))
  if (known > bound) return Math.max(known, estimate)
  if (estimate > VIDEO_LIST_COUNT.TRUST_ESTIMATE_ABOVE) return Math.max(known, estimate)

  const counted = (await prefetch?.counted) ?? await countUpTo(query, bound + 1)
  if (counted <= bound) return counted
  return Math.max(known, bound + 1, estimate)
}
