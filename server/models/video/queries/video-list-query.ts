import { literal, Op, type WhereOptions } from 'sequelize'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { VideoModel } from '../video.js'
import { detailsIncludes, summaryIncludes } from './video-includes.js'
import { videoModerationConditions, type VideoModerationFilters } from '../../moderation/queries/video-moderation-filters.js'
import { subscribedChannelsCondition, notWatchedByCondition } from './library-filters.js'

export interface VideoListFilters {
  start: number
  count: number
  sort: string
  /** Free text: name (trigram / substring, accent- and case-insensitive) or exact tag. */
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
  hasFiles?: boolean
  /** Blocked videos and muted accounts/servers to leave out (moderation's own predicates). */
  moderation?: VideoModerationFilters
  /** Only videos of channels this actor follows (a user's subscriptions feed). */
  subscribedByActorId?: number
  /** Leaves out videos in this user's history. */
  excludeWatchedByUserId?: number
  /** Videos with (true) or without (false) web video files / HLS files. */
  hasWebVideoFiles?: boolean
  hasHLSFiles?: boolean
  /** Loads files, playlists and tags with each video (feeds list media), not only what list items show. */
  withFiles?: boolean
}

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

/** The one query behind every video list (home, search, channel, account, my videos). */
export async function listVideos (filters: VideoListFilters) {
  const and: WhereOptions[] = []

  and.push({ privacy: { [Op.in]: filters.privacyOneOf ?? [ VideoPrivacy.PUBLIC ] } })
  if (!filters.includeAllStates) and.push({ state: VideoState.PUBLISHED })
  if (filters.isLocal !== undefined) and.push({ remote: !filters.isLocal })
  if (filters.nsfw !== undefined) and.push({ nsfw: filters.nsfw })
  if (filters.categoryOneOf) and.push({ category: { [Op.in]: filters.categoryOneOf } })
  if (filters.licenceOneOf) and.push({ licence: { [Op.in]: filters.licenceOneOf } })
  if (filters.languageOneOf) and.push({ language: { [Op.in]: filters.languageOneOf } })
  if (filters.channelId) and.push({ channelId: filters.channelId })
  if (filters.accountId) {
    and.push(literal(`"Video"."channelId" IN (SELECT id FROM "videoChannel" WHERE "accountId" = ${Number(filters.accountId)})`))
  }

  // Moderation (issue 13): separate predicates, kept as one line so the list queries can be reworked around it.
  and.push(...videoModerationConditions(filters.moderation))
  if (filters.subscribedByActorId) and.push(subscribedChannelsCondition(filters.subscribedByActorId))
  if (filters.excludeWatchedByUserId) and.push(notWatchedByCondition(filters.excludeWatchedByUserId))
  if (filters.hasWebVideoFiles !== undefined) {
    and.push(literal(`${filters.hasWebVideoFiles ? '' : 'NOT '}EXISTS (SELECT 1 FROM "videoFile" f WHERE f."videoId" = "Video"."id")`))
  }
  if (filters.hasHLSFiles !== undefined) {
    and.push(literal(`${filters.hasHLSFiles ? '' : 'NOT '}EXISTS (SELECT 1 FROM "videoStreamingPlaylist" p JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p.id WHERE p."videoId" = "Video"."id")`))
  }

  const replacements: Record<string, unknown> = {}
  if (filters.tagsOneOf?.length) {
    replacements.tagsOneOf = filters.tagsOneOf.map(t => t.toLowerCase())
    and.push(literal('"Video"."id" IN (SELECT vt."videoId" FROM "videoTag" vt JOIN tag t ON t.id = vt."tagId" WHERE lower(t.name) IN (:tagsOneOf))'))
  }
  if (filters.tagsAllOf?.length) {
    replacements.tagsAllOf = filters.tagsAllOf.map(t => t.toLowerCase())
    replacements.tagsAllOfCount = new Set(replacements.tagsAllOf as string[]).size
    and.push(literal('"Video"."id" IN (SELECT vt."videoId" FROM "videoTag" vt JOIN tag t ON t.id = vt."tagId" WHERE lower(t.name) IN (:tagsAllOf) GROUP BY vt."videoId" HAVING count(DISTINCT lower(t.name)) = :tagsAllOfCount)'))
  }
  if (filters.search) {
    replacements.search = filters.search
    replacements.searchLike = `%${filters.search.replace(/[\\%_]/g, c => '\\' + c)}%`
    and.push(literal(
      '(lower(immutable_unaccent("Video"."name")) % lower(immutable_unaccent(:search)) ' +
      'OR lower(immutable_unaccent("Video"."name")) LIKE lower(immutable_unaccent(:searchLike)) ' +
      'OR "Video"."id" IN (SELECT vt."videoId" FROM "videoTag" vt JOIN tag t ON t.id = vt."tagId" WHERE lower(t.name) = lower(:search)))'
    ))
  }

  const descending = filters.sort.startsWith('-')
  const sortKey = filters.sort.replace(/^-/, '')
  const order: [string, string][] | ReturnType<typeof literal>[][] = sortKey === 'match' && filters.search
    ? [ [ literal('similarity(lower(immutable_unaccent("Video"."name")), lower(immutable_unaccent(:search)))'), 'DESC' ] ] as never
    : [ [ SORT_COLUMNS[sortKey] ?? 'publishedAt', descending ? 'DESC' : 'ASC' ] ]

  // Page over ids first (cheap, exact count), then load the page with its associations.
  const { rows: page, count } = await VideoModel.findAndCountAll({
    attributes: [ 'id' ],
    where: { [Op.and]: and },
    order: [ ...order, [ 'id', 'ASC' ] ] as never,
    offset: filters.start,
    limit: filters.count,
    replacements
  })

  const ids = page.map(v => v.id)
  const loaded = ids.length === 0 ? [] : await VideoModel.findAll({ where: { id: { [Op.in]: ids } }, include: filters.withFiles ? detailsIncludes() : summaryIncludes() })
  const byId = new Map(loaded.map(v => [ v.id, v ]))

  return { total: count, data: ids.map(id => byId.get(id)!).filter(Boolean) }
}
