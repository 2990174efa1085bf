import { VideoPrivacy, VideoState } from '../../../../../shared/models/videos.js'
import type { SqlParams } from './sql-params.js'
import { AUDIENCE_CONDITIONS, type VideoListAudienceFilters } from './video-list-audience-filters.js'

export interface VideoListFilters extends VideoListAudienceFilters {
  start: number
  count: number
  sort: string
  /** Free text: words of the name (full-text, accent- and case-insensitive), typos (word similarity) or a tag. */
  search?: string
  categoryOneOf?: number[]
  licenceOneOf?: number[]
  languageOneOf?: string[]
  tagsOneOf?: string[]
  tagsAllOf?: string[]
  /** true: only NSFW, false: none, undefined: both. */
  nsfw?: boolean
  isLocal?: boolean
  /** Restricts to these privacies; undefined means public only. Only moderators may widen it. */
  privacyOneOf?: number[]
  /** Every state (the owner's own list), not only published videos. */
  includeAllStates?: boolean
  channelId?: number
  accountId?: number
  /** No total wanted (PeerTube's `skipCount`): the count is not run. */
  skipCount?: boolean
  /** Videos with (true) or without (false) web video files / HLS files (feeds' filters, as PeerTube's). */
  hasWebVideoFiles?: boolean
  hasHLSFiles?: boolean
}

/**
 * One condition of the video list, on the table aliased "video", or undefined when its filter is not set. The
 * list is the AND of every condition: a new filter (moderation, subscriptions, followed-only...) is one more
 * function in VIDEO_LIST_CONDITIONS below, nothing else changes. Write conditions the planner can use an index
 * for (plain comparisons with constants, `IN (SELECT ...)` semi-joins), not ORs of sub-selects.
 */
export type VideoListCondition = (filters: VideoListFilters, params: SqlParams, lookups: ListLookups) => string | undefined

/**
 * What the conditions need from other tables, looked up before the statement is built so it holds constants the
 * planner has statistics for (the ids of tags, rather than a sub-select on tag names it cannot estimate).
 */
export interface ListLookups {
  /** Tag ids by the name asked for (names compare lowercased and unaccented). */
  tagIds: Map<string, number[]>
  /** How many videos have each tag, counted up to FEW_TAGGED_VIDEOS + 1. */
  tagUses: Map<number, number>
  /** Conditions for the count and its estimate (no plan fences: the planner's estimate must see through them). */
  forCount?: boolean
}

/** Up to this many tagged videos, a tag's videos are enumerated; above, the list is walked in its order. */
export const FEW_TAGGED_VIDEOS = 20_000

/** What "listed" means for the public: public and published. Partial indexes are built on exactly this. */
export const LISTED_VIDEO_SQL = `"video"."privacy" = ${VideoPrivacy.PUBLIC} AND "video"."state" = ${VideoState.PUBLISHED}`

const privacies: VideoListCondition = (filters, params) => {
  const privacyOneOf = filters.privacyOneOf ?? [ VideoPrivacy.PUBLIC ]
  // Spelled as the partial indexes' predicate, so the planner can prove they apply.
  if (privacyOneOf.length === 1) return `"video"."privacy" = ${params.add(privacyOneOf[0])}`
  return `"video"."privacy" IN (${params.add(privacyOneOf)})`
}

const states: VideoListCondition = filters => (filters.includeAllStates ? undefined : `"video"."state" = ${VideoState.PUBLISHED}`)

const locality: VideoListCondition = (filters, params) =>
  filters.isLocal === undefined ? undefined : `"video"."remote" = ${params.add(!filters.isLocal)}`

const nsfw: VideoListCondition = (filters, params) =>
  filters.nsfw === undefined ? undefined : `"video"."nsfw" = ${params.add(filters.nsfw)}`

function oneOf (column: string, values: readonly unknown[] | undefined, params: SqlParams) {
  if (!values?.length) return undefined
  const unique = [ ...new Set(values) ]
  return unique.length === 1 ? `"video"."${column}" = ${params.add(unique[0])}` : `"video"."${column}" IN (${params.add(unique)})`
}

const categories: VideoListCondition = (filters, params) => oneOf('category', filters.categoryOneOf, params)
const licences: VideoListCondition = (filters, params) => oneOf('licence', filters.licenceOneOf, params)
const languages: VideoListCondition = (filters, params) => oneOf('language', filters.languageOneOf, params)

const channel: VideoListCondition = (filters, params) =>
  filters.channelId === undefined ? undefined : `"video"."channelId" = ${params.add(filters.channelId)}`

const account: VideoListCondition = (filters, params) => filters.accountId === undefined
  ? undefined
  : `"video"."channelId" IN (SELECT "id" FROM "videoChannel" WHERE "accountId" = ${params.add(filters.accountId)})`

/** Tag names asked for, trimmed and deduplicated (the database compares them lowercased and unaccented). */
export function requestedTags (names: string[] | undefined) {
  return [ ...new Set((names ?? []).map(n => n.trim()).filter(Boolean)) ]
}

/**
 * Videos that have one of these tags. Few tagged videos (a rare tag): they are enumerated through videoTag's
 * (tagId, videoId) key and reached by id (OFFSET 0 keeps the planner from turning it back into a walk of the whole
 * list probing videoTag for every video, which it estimates well but costs a random read per video). Many: the
 * planner walks the list in its order and stops at the page's end, which comes soon.
 */
export function videosWithTagIdsSql (tagIds: number[], lookups: ListLookups) {
  if (tagIds.length === 0) return 'FALSE'
  const uses = tagIds.reduce((sum, id) => sum + (lookups.tagUses.get(id) ?? 0), 0)
  const fence = uses <= FEW_TAGGED_VIDEOS && !lookups.forCount ? ' OFFSET 0' : ''
  return `"video"."id" IN (SELECT "videoId" FROM "videoTag" WHERE "tagId" IN (${tagIds.map(id => Math.floor(id)).join(', ')})${fence})`
}

const tagsOneOf: VideoListCondition = (filters, _params, lookups) => {
  const names = requestedTags(filters.tagsOneOf)
  return names.length === 0 ? undefined : videosWithTagIdsSql(names.flatMap(name => lookups.tagIds.get(name) ?? []), lookups)
}

// One semi-join per tag.
const tagsAllOf: VideoListCondition = (filters, _params, lookups) => {
  const names = requestedTags(filters.tagsAllOf)
  return names.length === 0 ? undefined : names.map(name => videosWithTagIdsSql(lookups.tagIds.get(name) ?? [], lookups)).join(' AND ')
}

const webVideoFiles: VideoListCondition = filters => filters.hasWebVideoFiles === undefined
  ? undefined
  : `${filters.hasWebVideoFiles ? '' : 'NOT '}EXISTS (SELECT 1 FROM "videoFile" f WHERE f."videoId" = "video"."id")`

const hlsFiles: VideoListCondition = filters => filters.hasHLSFiles === undefined
  ? undefined
  : `${filters.hasHLSFiles ? '' : 'NOT '}EXISTS (SELECT 1 FROM "videoStreamingPlaylist" p ` +
    'JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p."id" WHERE p."videoId" = "video"."id")'

export const VIDEO_LIST_CONDITIONS: VideoListCondition[] = [
  privacies, states, locality, nsfw, categories, licences, languages, channel, account, tagsOneOf, tagsAllOf,
  webVideoFiles, hlsFiles,
  ...AUDIENCE_CONDITIONS
]

/** The WHERE clause (without the search, which has its own branches) for these filters. */
export function buildListConditions (filters: VideoListFilters, params: SqlParams, lookups: ListLookups) {
  const conditions = VIDEO_LIST_CONDITIONS.map(condition => condition(filters, params, lookups)).filter((c): c is string => c !== undefined)
  return conditions.length === 0 ? 'TRUE' : conditions.map(c => `(${c})`).join(' AND ')
}
