import { literal, Op, type Order, type WhereOptions } from 'sequelize'
import { VideoPlaylistPrivacy } from '../../../../shared/models/playlists.js'
import { VideoPlaylistElementModel } from '../video-playlist-element.js'
import { VideoPlaylistModel } from '../video-playlist.js'
import { VideoModel } from '../video.js'
import type { PlaylistElementWithVideo } from '../video-loaded.js'
import { summaryIncludes } from './video-includes.js'

export interface PlaylistListFilters {
  start: number
  count: number
  sort: string
  /** Name, accent- and case-insensitive, typo-tolerant. */
  search?: string
  ownerAccountId?: number
  videoChannelId?: number
  /** Privacies to list; public only by default. */
  privacies?: number[]
  type?: number
  /**
   * Public lists: remote playlists only when this actor (the server actor) follows, accepted, their channel, their
   * account or their instance (the rule of public video lists). Local playlists are always listed.
   */
  followedByActorId?: number
}

const videosLength = () => literal('(SELECT count(*)::int FROM "videoPlaylistElement" e WHERE e."videoPlaylistId" = "VideoPlaylist"."id")')

function order (sort: string, search?: string): Order {
  const descending = sort.startsWith('-')
  const key = sort.replace(/^-/, '')
  if (key === 'match') {
    return search
      ? [ [ literal('similarity(lower(immutable_unaccent("VideoPlaylist"."name")), lower(immutable_unaccent(:search)))'), 'DESC' ], [ 'id', 'ASC' ] ]
      : [ [ 'updatedAt', 'DESC' ], [ 'id', 'ASC' ] ]
  }
  const column = key === 'displayName' ? 'name' : key
  return [ [ column, descending ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ]
}

// PeerTube's rule for public lists, as for videos: local, or of a channel whose channel, account or instance
// (Application actor of its host) the server actor follows.
const FOLLOWED_ONLY = '("VideoPlaylist"."remote" = false OR "VideoPlaylist"."videoChannelId" IN (' +
  'SELECT vc."id" FROM "videoChannel" vc ' +
  'INNER JOIN "account" acc ON acc."id" = vc."accountId" ' +
  'INNER JOIN "actor" ca ON ca."id" = vc."actorId" ' +
  'INNER JOIN "actorFollow" f ON f."actorId" = :followedByActorId AND f."state" = \'accepted\' ' +
  'INNER JOIN "actor" t ON t."id" = f."targetActorId" ' +
  'WHERE t."id" = vc."actorId" OR t."id" = acc."actorId" OR (t."type" = \'Application\' AND t."serverId" = ca."serverId")))'

/** Playlists of a channel, an account, or everywhere (search), with their length. */
export async function listPlaylists (filters: PlaylistListFilters) {
  const and: WhereOptions[] = [ { privacy: { [Op.in]: filters.privacies ?? [ VideoPlaylistPrivacy.PUBLIC ] } } ]
  if (filters.ownerAccountId) and.push({ ownerAccountId: filters.ownerAccountId })
  if (filters.videoChannelId) and.push({ videoChannelId: filters.videoChannelId })
  if (filters.type) and.push({ type: filters.type })

  const replacements: Record<string, unknown> = {}
  if (filters.followedByActorId !== undefined) {
    if (!Number.isInteger(filters.followedByActorId)) throw new Error('followedByActorId must be an integer')
    replacements.followedByActorId = filters.followedByActorId
    and.push(literal(FOLLOWED_ONLY))
  }
  if (filters.search) {
    replacements.search = filters.search
    replacements.searchLike = `%${filters.search.replace(/[\\%_]/g, c => '\\' + c)}%`
    and.push(literal(
      '(lower(immutable_unaccent("VideoPlaylist"."name")) % lower(immutable_unaccent(:search)) ' +
      'OR lower(immutable_unaccent("VideoPlaylist"."name")) LIKE lower(immutable_unaccent(:searchLike)))'
    ))
  }
  const where = { [Op.and]: and }

  const [ total, data ] = await Promise.all([
    VideoPlaylistModel.count({ where, replacements } as never),
    VideoPlaylistModel.findAll({
      where,
      attributes: { include: [ [ videosLength(), 'videosLength' ] ] },
      include: VideoPlaylistModel.fullInclude(),
      order: order(filters.sort, filters.search),
      offset: filters.start,
      limit: filters.count,
      replacements
    })
  ])
  for (const playlist of data) playlist.videosLength = Number(playlist.getDataValue('videosLength' as never) ?? 0)
  return { total, data }
}

/** One playlist with its length (for its page and the API). */
export async function loadPlaylistWithLength (where: { id: number } | { uuid: string }) {
  const playlist = await VideoPlaylistModel.findOne({
    where,
    attributes: { include: [ [ videosLength(), 'videosLength' ] ] },
    include: VideoPlaylistModel.fullInclude()
  })
  if (playlist) playlist.videosLength = Number(playlist.getDataValue('videosLength' as never) ?? 0)
  return playlist
}

/** Elements in order with their videos (formatVideo's includes). */
export async function listPlaylistElements (playlistId: number, options: { start: number, count: number }) {
  const [ total, data ] = await Promise.all([
    VideoPlaylistElementModel.countOf(playlistId),
    VideoPlaylistElementModel.findAll({
      where: { videoPlaylistId: playlistId },
      include: [ { model: VideoModel, required: false, include: summaryIncludes() } ],
      order: [ [ 'position', 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count
    }) as Promise<PlaylistElementWithVideo[]>
  ])
  return { total, data }
}

/** For the add-to-playlist menu: where these videos already are among the account's playlists. */
export async function listElementsOfVideosInAccountPlaylists (accountId: number, videoIds: number[]) {
  if (videoIds.length === 0) return []
  return VideoPlaylistElementModel.findAll({
    where: { videoId: { [Op.in]: videoIds } },
    include: [ { model: VideoPlaylistModel, required: true, where: { ownerAccountId: accountId }, attributes: [ 'id', 'uuid', 'name' ] } ],
    order: [ [ 'id', 'ASC' ] ]
  })
}

/** URLs of an actor's public playlists (its ActivityPub `playlists` collection): an account's, or a channel's. */
export async function listPublicPlaylistUrls (owner: { accountId?: number, channelId?: number }, start: number, count: number) {
  const where: WhereOptions = {
    privacy: VideoPlaylistPrivacy.PUBLIC,
    remote: false,
    ...(owner.accountId ? { ownerAccountId: owner.accountId } : {}),
    ...(owner.channelId ? { videoChannelId: owner.channelId } : {})
  }
  if (!owner.accountId && !owner.channelId) return { total: 0, data: [] }
  const [ total, rows ] = await Promise.all([
    VideoPlaylistModel.count({ where }),
    VideoPlaylistModel.findAll({ attributes: [ 'url' ], where, order: [ [ 'id', 'ASC' ] ], offset: start, limit: count })
  ])
  return { total, data: rows.map(row => row.url) }
}
