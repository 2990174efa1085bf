import { QueryTypes, type Transaction } from 'sequelize'
import { sequelize } from '../../../initializers/database.js'

/**
 * Bytes a user's videos take, counted as PeerTube counts them: for each video, only its largest file (the
 * max-resolution one, whether a web video file or an HLS rendition), since the other resolutions are derived
 * from it. With `since`, only files created after that date count (the daily quota).
 */
const QUOTA_USED_SQL = `
  WITH "userFile" AS (
    SELECT "video"."id" AS "videoId", "videoFile"."size", "videoFile"."createdAt"
    FROM "videoFile"
    JOIN "video" ON "video"."id" = "videoFile"."videoId"
    JOIN "videoChannel" ON "videoChannel"."id" = "video"."channelId"
    JOIN "account" ON "account"."id" = "videoChannel"."accountId"
    WHERE "account"."userId" = :userId
    UNION ALL
    SELECT "video"."id" AS "videoId", "videoFile"."size", "videoFile"."createdAt"
    FROM "videoFile"
    JOIN "videoStreamingPlaylist" ON "videoStreamingPlaylist"."id" = "videoFile"."videoStreamingPlaylistId"
    JOIN "video" ON "video"."id" = "videoStreamingPlaylist"."videoId"
    JOIN "videoChannel" ON "videoChannel"."id" = "video"."channelId"
    JOIN "account" ON "account"."id" = "videoChannel"."accountId"
    WHERE "account"."userId" = :userId
  ),
  "largestPerVideo" AS (
    SELECT MAX("size") AS "size" FROM "userFile"
    WHERE CAST(:since AS timestamptz) IS NULL OR "createdAt" > CAST(:since AS timestamptz)
    GROUP BY "videoId"
  )
  SELECT COALESCE(SUM("size"), 0) AS "total" FROM "largestPerVideo"
`

export async function sumUserVideoBytes (userId: number, since: Date | null, transaction?: Transaction): Promise<number> {
  const rows = await sequelize().query<{ total: string | number }>(QUOTA_USED_SQL, {
    replacements: { userId, since: since ? since.toISOString() : null },
    type: QueryTypes.SELECT,
    transaction
  })
  return Number(rows[0]?.total ?? 0)
}
