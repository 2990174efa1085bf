import { QueryTypes } from 'sequelize'
import { ActorImageType } from '../../../../../shared/models/actor-images.js'
import type { VideoPrivacyType, VideoStateType } from '../../../../../shared/models/videos.js'
import { VideoModel } from '../../video.js'

/** What a list item shows, as one row of the page query (see formatters/video-list-item-formatter.ts). */
export interface VideoListRow {
  id: number
  uuid: string
  name: string
  category: number | null
  licence: number | null
  language: string | null
  privacy: VideoPrivacyType
  nsfw: boolean
  /** The description's start only (list items show a truncated one). */
  descriptionStart: string | null
  duration: number
  aspectRatio: number | null
  views: number
  likes: number
  dislikes: number
  remote: boolean
  isLive: boolean
  url: string
  state: VideoStateType
  waitTranscoding: boolean
  publishedAt: Date
  originallyPublishedAt: Date | null
  createdAt: Date
  updatedAt: Date
  thumbnails: { type: number, filename: string }[] | null
  channel: ActorRow
  account: ActorRow
}

export interface ActorRow {
  id: number
  displayName: string
  name: string
  url: string
  /** null for local actors. */
  host: string | null
  avatars: { width: number, height: number, filename: string, fileUrl: string | null, createdAt: string, updatedAt: string }[] | null
}

const actorJson = (owner: string, actor: string, server: string) => `json_build_object(
  'id', ${owner}."id", 'displayName', ${owner}."name", 'name', ${actor}."preferredUsername", 'url', ${actor}."url", 'host', ${server}."host",
  'avatars', (SELECT json_agg(json_build_object('width', i."width", 'height', i."height", 'filename', i."filename", 'fileUrl', i."fileUrl",
      'createdAt', i."createdAt", 'updatedAt', i."updatedAt") ORDER BY i."width")
    FROM "actorImage" i WHERE i."actorId" = ${actor}."id" AND i."type" = ${ActorImageType.AVATAR}))`

/**
 * The videos of a page with what list items show (channel, account, avatars, thumbnails), in one query whose
 * nested parts PostgreSQL builds as JSON: one round trip and no ORM objects, which were most of a list's CPU time.
 */
const PAGE_SQL = `
  SELECT v."id", v."uuid", v."name", v."category", v."licence", v."language", v."privacy", v."nsfw",
    left(v."description", 300) AS "descriptionStart", v."duration", v."aspectRatio", v."views", v."likes", v."dislikes",
    v."remote", v."isLive", v."url", v."state", v."waitTranscoding", v."publishedAt", v."originallyPublishedAt",
    v."createdAt", v."updatedAt",
    (SELECT json_agg(json_build_object('type', t."type", 'filename', t."filename")) FROM "thumbnail" t WHERE t."videoId" = v."id") AS "thumbnails",
    ${actorJson('c', 'ca', 'cs')} AS "channel",
    ${actorJson('a', 'aa', 'acs')} AS "account"
  FROM "video" v
  JOIN "videoChannel" c ON c."id" = v."channelId"
  JOIN "actor" ca ON ca."id" = c."actorId"
  LEFT JOIN "server" cs ON cs."id" = ca."serverId"
  JOIN "account" a ON a."id" = c."accountId"
  JOIN "actor" aa ON aa."id" = a."actorId"
  LEFT JOIN "server" acs ON acs."id" = aa."serverId"
  WHERE v."id" IN (:ids)`

/** The page's rows in the order of `ids`. */
export async function loadListPage (ids: number[]): Promise<VideoListRow[]> {
  if (ids.length === 0) return []
  const rows = await VideoModel.sequelize!.query<VideoListRow>(PAGE_SQL, { replacements: { ids }, type: QueryTypes.SELECT })
  const byId = new Map(rows.map(row => [ row.id, row ]))
  return ids.map(id => byId.get(id)).filter((row): row is VideoListRow => row !== undefined)
}
