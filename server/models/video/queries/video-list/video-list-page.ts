import { ActorImageType } from '../../../../../shared/models/actor-images.js'
import type { VideoPrivacyType, VideoStateType } from '../../../../../shared/models/videos.js'
import { WEBSERVER } from '../../../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../../../initializers/constants/static-paths.js'
import { THUMBNAIL_TYPE, VIDEO_CONSTRAINTS } from '../../../../initializers/constants/videos.js'
import { VideoModel } from '../../video.js'
import { selectListRows } from './prepared-select.js'

/**
 * A row of the page query: the list item's JSON (PeerTube's `Video`) made by PostgreSQL, but for the fields the list
 * item formatter adds (formatters/video-list-item-formatter.ts): the short UUID, the labelled constants and the
 * truncated description.
 */
export interface VideoListRow {
  id: number
  uuid: string
  category: number | null
  licence: number | null
  language: string | null
  privacy: VideoPrivacyType
  state: VideoStateType
  /** The description's start only (list items show a truncated one). */
  descriptionStart: string | null
  /** A JSON object: the item's other fields. */
  itemJson: string
}

/** A string as an SQL literal. */
const literal = (text: string) => `'${text.replaceAll('\'', '\'\'')}'`

/** A timestamp as JavaScript's toISOString writes it (what formatVideo's Dates become in JSON). */
const isoDate = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const actorJson = (owner: string, actor: string, server: string) => `(SELECT row_to_json("summary") FROM (SELECT
    ${owner}."id", ${actor}."preferredUsername" AS "name", ${owner}."name" AS "displayName", ${actor}."url",
    COALESCE(${server}."host", ${literal(WEBSERVER.HOST)}) AS "host",
    (SELECT COALESCE(json_agg(row_to_json("avatar") ORDER BY "avatar"."width"), '[]') FROM (SELECT i."width", i."height",
        ${literal(LAZY_STATIC_PATHS.AVATARS)} || i."filename" AS "path",
        COALESCE(i."fileUrl", ${literal(WEBSERVER.URL + LAZY_STATIC_PATHS.AVATARS)} || i."filename") AS "fileUrl",
        ${isoDate('i."createdAt"')} AS "createdAt", ${isoDate('i."updatedAt"')} AS "updatedAt"
      FROM "actorImage" i WHERE i."actorId" = ${actor}."id" AND i."type" = ${ActorImageType.AVATAR}) AS "avatar") AS "avatars"
  ) AS "summary")`

const imagePath = (type: number, prefix: string) =>
  `(SELECT ${literal(prefix)} || t."filename" FROM "thumbnail" t WHERE t."videoId" = v."id" AND t."type" = ${type} LIMIT 1)`

/** The item's fields PostgreSQL writes (the same values and formats as formatters/video-formatter.ts's formatVideo). */
const itemJsonSql = () => `(SELECT row_to_json("item") FROM (SELECT
    CASE WHEN v."remote" THEN v."url" ELSE ${literal(WEBSERVER.URL + '/videos/watch/')} || v."uuid" END AS "url",
    v."name", v."nsfw", NOT v."remote" AS "isLocal", v."duration", v."aspectRatio", v."views", COALESCE(v."viewers", 0) AS "viewers",
    v."likes", v."dislikes",
    ${imagePath(THUMBNAIL_TYPE.MINIATURE, LAZY_STATIC_PATHS.THUMBNAILS)} AS "thumbnailPath",
    ${imagePath(THUMBNAIL_TYPE.PREVIEW, LAZY_STATIC_PATHS.PREVIEWS)} AS "previewPath",
    '/videos/embed/' || v."uuid" AS "embedPath",
    ${isoDate('v."createdAt"')} AS "createdAt", ${isoDate('v."updatedAt"')} AS "updatedAt",
    ${isoDate('v."publishedAt"')} AS "publishedAt", ${isoDate('v."originallyPublishedAt"')} AS "originallyPublishedAt",
    v."isLive",
    ${actorJson('a', 'aa', 'acs')} AS "account",
    ${actorJson('c', 'ca', 'cs')} AS "channel",
    v."waitTranscoding", b."id" IS NOT NULL AS "blacklisted", b."reason" AS "blacklistedReason"
  ) AS "item")::text`

/**
 * The videos of a page as list items, in the same statement as the page's ids: one round trip, and the items' JSON
 * written by PostgreSQL, which the reply then carries as it is. Parsing a row per column into objects, formatting
 * them and serializing them again was half of a list's Node time and most of what its garbage collections had to
 * move. The ids keep their order through an array (ARRAY(subquery) keeps the subquery's order; WITH ORDINALITY
 * numbers it). MATERIALIZED: "ids" is read twice (the rows, their number), and an inlined CTE made PostgreSQL run
 * the whole ids walk twice, once per use.
 */
const pageSql = (idsSql: string, count: number) => `
  WITH "page" AS MATERIALIZED (SELECT ARRAY(${idsSql}) AS "ids")
  SELECT v."id", v."uuid", v."category", v."licence", v."language", v."privacy", v."state",
    left(v."description", ${VIDEO_CONSTRAINTS.TRUNCATED_DESCRIPTION + 1}) AS "descriptionStart",
    ${itemJsonSql()} AS "itemJson",
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
