/**
 * Sorts of the video list. Every order ends with the id, so pages are stable when values tie, and each sortable
 * column has a `(column, id)` index on listed videos (see video-list-indexes.ts), so a page is a walk of one index.
 */
const SORT_COLUMNS: Record<string, string> = {
  name: 'name',
  duration: 'duration',
  createdAt: 'createdAt',
  publishedAt: 'publishedAt',
  originallyPublishedAt: 'originallyPublishedAt',
  views: 'views',
  likes: 'likes',
  // Trending, hot and best are ordered by views, the signal we have; PeerTube clients ask for them by name.
  trending: 'views',
  hot: 'views',
  best: 'views'
}

export interface VideoListOrder {
  column: string
  descending: boolean
}

/** `-views` -> views descending; unknown keys (and `match` outside a search) fall back to newest first. */
export function parseSort (sort: string): VideoListOrder {
  const descending = sort.startsWith('-')
  const column = SORT_COLUMNS[sort.replace(/^-/, '')]
  return column ? { column, descending } : { column: 'publishedAt', descending: true }
}

export function isMatchSort (sort: string) {
  return sort.replace(/^-/, '') === 'match'
}

/** `ORDER BY` terms for a table alias; the id follows the column in the same direction, as the indexes are built. */
export function orderBySql (order: VideoListOrder, alias = '"video"') {
  const direction = order.descending ? 'DESC' : 'ASC'
  return `${alias}."${order.column}" ${direction}, ${alias}."id" ${direction}`
}

/** The columns indexed for sorting (the `(column, id)` indexes). */
export const SORTABLE_COLUMNS = [ ...new Set(Object.values(SORT_COLUMNS)) ]
