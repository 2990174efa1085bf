import { Op, QueryTypes } from 'sequelize'
import { VideoModel } from '../video.js'
import { videoListItemJson } from '../formatters/video-list-item-formatter.js'
import { detailsIncludes } from './video-includes.js'
import { SqlParams } from './video-list/sql-params.js'
import { listTotal, prefetchTotal, type CountableQuery } from './video-list/video-list-count.js'
import { buildListConditions, requestedTags, type ListLookups, type VideoListFilters } from './video-list/video-list-filters.js'
import { postingsBranchSql, tagPostings } from './video-list/video-list-postings.js'
import { lookUpListTags } from './video-list/video-list-lookups.js'
import { loadListPage } from './video-list/video-list-page.js'
import { isMatchSort, orderBySql, parseSort } from './video-list/video-list-sort.js'
import { prepareSearch, searchBranches, searchPageByColumnSql, searchPageByRelevanceSql } from './video-list/video-search.js'

export type { VideoListFilters } from './video-list/video-list-filters.js'
export { VIDEO_LIST_CONDITIONS, type ListLookups, type VideoListCondition } from './video-list/video-list-filters.js'

/**
 * The one query behind every video list (home, search, channel, account, my videos, feeds): the ids of one page
 * (one index walk; see video-list/), the page's videos as list items (PeerTube's `Video`) in JSON text, ready to be
 * sent as they are, and a total that does not count every match (video-list-count.ts).
 */
export async function listVideoItems (filters: VideoListFilters) {
  const { pageSql, countable, replacements } = await buildListQuery(filters)
  // The total's queries run beside the page's (video-list-count.ts).
  const prefetch = filters.skipCount ? undefined : prefetchTotal(countable, filters.start)
  const { rows, hasMore } = await loadListPage(pageSql, replacements, filters.count)
  const total = filters.skipCount
    ? filters.start + rows.length + (hasMore ? 1 : 0)
    : await listTotal(countable, { start: filters.start, returned: rows.length, hasMore }, prefetch)
  return { total, items: rows.map(videoListItemJson) }
}

/** A list item as an object, for the replies that add to each item (the viewer's history, planned publications). */
export type VideoListItem = { id: number } & Record<string, unknown>

/** listVideoItems with the items as objects. */
export async function listVideos (filters: VideoListFilters) {
  const { total, items } = await listVideoItems(filters)
  return { total, data: items.map(item => JSON.parse(item) as VideoListItem) }
}

/**
 * The videos of a list page as models with their files, playlists, tags and images (feeds describe each file),
 * chosen by the same conditions as listVideos; no total.
 */
export async function listVideoModelsWithFiles (filters: VideoListFilters) {
  const { pageSql, replacements } = await buildListQuery(filters)
  const rows = await VideoModel.sequelize!.query<{ id: number }>(pageSql, { replacements, type: QueryTypes.SELECT })
  const ids = rows.slice(0, filters.count).map(r => r.id)
  if (ids.length === 0) return []
  const loaded = await VideoModel.findAll({ where: { id: { [Op.in]: ids } }, include: detailsIncludes() })
  const byId = new Map(loaded.map(v => [ v.id, v ]))
  return ids.map(id => byId.get(id)).filter((v): v is VideoModel => v !== undefined)
}

/** The SQL of a list: its page of ids (one row more than asked, to know whether the list goes on) and its count. */
export async function buildListQuery (filters: VideoListFilters) {
  const params = new SqlParams()
  // Both round trips at once: tag ids, and the corrections of a search's words.
  const [ lookups, prepared ] = await Promise.all([ lookUpListTags(filters), filters.search ? prepareSearch(filters.search) : undefined ])
  const where = buildListConditions(filters, params, lookups)
  const countLookups = { ...lookups, forCount: true }
  const countWhere = buildListConditions(filters, params, countLookups)
  const page = { start: filters.start, count: filters.count + 1 }

  let pageSql: string
  let countable: CountableQuery
  if (filters.search && prepared) {
    const search = { ...prepared, tagIds: lookups.tagIds.get(filters.search) ?? [] }
    pageSql = isMatchSort(filters.sort)
      ? searchPageByRelevanceSql(search, where, params, lookups, page)
      : searchPageByColumnSql(search, where, params, lookups, parseSort(filters.sort), page)
    countable = { branches: searchBranches(search, countWhere, params, countLookups), replacements: params.replacements }
  } else {
    const order = parseSort(filters.sort)
    const tagId = singleTagOneOf(filters, lookups)
    pageSql = order.column === 'publishedAt' && tagId !== undefined
      // One tag, newest (or oldest) first: its postings in that order (see video-list-postings.ts).
      ? postingsBranchSql(tagPostings(tagId), buildListConditions({ ...filters, tagsOneOf: undefined }, params, lookups), { order, limit: page.count, offset: page.start })
      : `SELECT "video"."id" FROM "video" WHERE ${where} ORDER BY ${orderBySql(order)} LIMIT ${page.count} OFFSET ${page.start}`
    countable = { branches: [ `SELECT "video"."id" FROM "video" WHERE ${countWhere}` ], replacements: params.replacements }
  }
  return { pageSql, countable, replacements: params.replacements }
}

/** The tag id of a tagsOneOf naming one tag (one row of the tag table), else undefined. */
function singleTagOneOf (filters: VideoListFilters, lookups: ListLookups) {
  const names = requestedTags(filters.tagsOneOf)
  const ids = [ ...new Set(names.flatMap(name => lookups.tagIds.get(name) ?? [])) ]
  return ids.length === 1 ? ids[0] : undefined
}
