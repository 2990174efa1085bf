import { ActorImageType } from '../../../../../shared/models/actor-images.js'
import type { VideoPrivacyType, VideoStateType } from '../../../../../shared/models/videos.js'
import { VideoModel } from '../../video.js'
import { selectListRows } from './prepared-select.js'

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
  /** Live viewers now (0 for a video that is not live). */
  viewers: number
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
  /** Null when the video is not blocked (only its owner and moderators list blocked videos). */
  blacklistedReason: string | null
  blacklisted: boolean
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
 * The videos of a page with what list items show (channel, account, avatars, thumbnails), in the same statement
 * as the page's ids, whose nested parts PostgreSQL builds as JSON: one round trip and no ORM objects (the ORM's
 * objects and a second round trip were most of a list's time). The ids keep their order through an array
 * (ARRAY(subquery) keeps the subquery's order; WITH ORDINALITY numbers it). MATERIALIZED: "ids" is read twice (the
 * rows, their number), and an inlined CTE made PostgreSQL run the whole ids walk twice, once per use.
 */
const pageSql = (idsSql: string, count: number) => `
  WITH "page" AS MATERIALIZED (SELECT ARRAY(${idsSql}) AS "ids")
  SELECT v."id", v."uuid", v."name", v."category", v."licence", v."language", v."privacy", v."nsfw",
    left(v."description", 300) AS "descriptionStart", v."duration", v."aspectRatio", v."views", v."viewers", v."likes", v."dislikes",
    v."remote", v."isLive", v."url", v."state", v."waitTranscoding", v."publishedAt", v."originallyPublishedAt",
    v."createdAt", v."updatedAt",
    (SELECT json_agg(json_build_object('type', t."type", 'filename', t."filename")) FROM "thumbnail" t WHERE t."videoId" = v."id") AS "thumbnails",
    b."id" IS NOT NULL AS "blacklisted", b."reason" AS "blacklistedReason",
    ${actorJson('c', 'ca', 'cs')} AS "channel",
    ${actorJson('a', 'aa', 'acs')} AS "account",
    cardinality("page"."ids") AS "pageRows"
  FROM "page"
  CROSS JOIN LATERAL unnest("page"."ids") WITH ORDINALITY AS "listed"("id", "position")
  JOIN "video" v ON v."id" = "listed"."id"
  JOIN "videoChannel" c ON c."id" = v."channelId"
  JOIN "actor" ca ON ca."id" = c."actorId"
  LEFT JOIN "server" cs ON cs."id" = ca."serverId"
  JOIN "account" a ON a."id" = c."accountId"
  JOIN "actor" aa ON aa."id" = a."actorId"
  LEFT JOIN "server" acs ON acs."id" = aa."serverId"
  LEFT JOIN "videoBlacklist" b ON b."videoId" = v."id"
  WHERE "listed"."position" <= ${Math.floor(count)}
  ORDER BY "listed"."position"`

/**
 * One page: `idsSql` selects the ids in the page's order, one more than `count` (whether the list goes on after
 * the page). Returns the page's rows and that answer.
 */
export async function loadListPage (idsSql: string, replacements: Record<string, unknown>, count: number) {
  const rows = await selectListRows<VideoListRow & { pageRows: number }>(VideoModel.sequelize!, pageSql(idsSql, count), replacements)
  // No row at all: an empty page (or count=0, where only the extra id would tell: then assume more).
  const hasMore = rows.length === 0 ? count === 0 : Number(rows[0].pageRows) > count
  return { rows: rows as VideoListRow[], hasMore }
}
