import { QueryTypes, type Sequelize } from 'sequelize'

/** Counts for GET /api/v1/server/stats, in one round trip. */
export async function queryServerStats (sequelize: Sequelize, serverActorId: number) {
  const [ row ] = await sequelize.query<Record<string, string | number | null>>(`
    SELECT
      (SELECT count(*) FROM "user") AS "totalUsers",
      (SELECT count(*) FROM "user" WHERE "lastLoginDate" > now() - interval '1 day') AS "totalDailyActiveUsers",
      (SELECT count(*) FROM "user" WHERE "lastLoginDate" > now() - interval '7 days') AS "totalWeeklyActiveUsers",
      (SELECT count(*) FROM "user" WHERE "lastLoginDate" > now() - interval '30 days') AS "totalMonthlyActiveUsers",
      (SELECT count(*) FROM "user" WHERE role = 1) AS "totalModerators",
      (SELECT count(*) FROM "user" WHERE role = 0) AS "totalAdmins",
      (SELECT count(*) FROM video WHERE remote = false) AS "totalLocalVideos",
      (SELECT coalesce(sum(views), 0) FROM video WHERE remote = false) AS "totalLocalVideoViews",
      (SELECT coalesce(sum(f.size), 0) FROM "videoFile" f
         LEFT JOIN "videoStreamingPlaylist" p ON p.id = f."videoStreamingPlaylistId"
         JOIN video v ON v.id = coalesce(f."videoId", p."videoId")
         WHERE v.remote = false) AS "totalLocalVideoFilesSize",
      (SELECT count(*) FROM video) AS "totalVideos",
      (SELECT count(*) FROM "videoChannel" c JOIN actor a ON a.id = c."actorId" WHERE a."serverId" IS NULL) AS "totalLocalVideoChannels",
      (SELECT count(*) FROM "actorFollow" WHERE "targetActorId" = :serverActorId AND state = 'accepted') AS "totalInstanceFollowers",
      (SELECT count(*) FROM "actorFollow" WHERE "actorId" = :serverActorId AND state = 'accepted') AS "totalInstanceFollowing"
  `, { type: QueryTypes.SELECT, replacements: { serverActorId } })

  return Object.fromEntries(Object.entries(row).map(([ key, value ]) => [ key, Number(value ?? 0) ]))
}
