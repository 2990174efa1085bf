import { QueryTypes } from 'sequelize'
import { VideoRedundancyModel } from '../video-redundancy.js'

// Which remote video a strategy mirrors next, and how much a strategy's mirrors use. Candidates: public, published
// remote videos of servers an administrator allowed (`server.redundancyAllowed`), that our instance follows, and
// that we do not mirror whole yet.

const CANDIDATES = 'SELECT v."id", ' +
  '(COALESCE((SELECT SUM(f."size") FROM "videoFile" f WHERE f."videoId" = v."id"), 0) + ' +
  ' COALESCE((SELECT SUM(f."size") FROM "videoFile" f JOIN "videoStreamingPlaylist" p ON p."id" = f."videoStreamingPlaylistId" WHERE p."videoId" = v."id"), 0)) AS "size" ' +
  'FROM "video" v JOIN "videoChannel" c ON c."id" = v."channelId" JOIN "actor" a ON a."id" = c."actorId" JOIN "server" s ON s."id" = a."serverId" ' +
  'WHERE v."remote" = true AND v."privacy" = 1 AND v."state" = 1 AND s."redundancyAllowed" = true ' +
  'AND EXISTS (SELECT 1 FROM "actorFollow" af JOIN "actor" t ON t."id" = af."targetActorId" WHERE af."actorId" = :serverActorId AND af."state" = \'accepted\' AND t."serverId" = s."id") ' +
  // Something not mirrored yet: a web video file, or an HLS playlist with files (a file the origin replaced lost
  // its mirror row with its own: it is mirrored again).
  'AND (EXISTS (SELECT 1 FROM "videoFile" f WHERE f."videoId" = v."id" ' +
  '    AND NOT EXISTS (SELECT 1 FROM "videoRedundancy" r WHERE r."videoFileId" = f."id" AND r."actorId" = :serverActorId)) ' +
  '  OR EXISTS (SELECT 1 FROM "videoStreamingPlaylist" p WHERE p."videoId" = v."id" ' +
  '    AND EXISTS (SELECT 1 FROM "videoFile" pf WHERE pf."videoStreamingPlaylistId" = p."id") ' +
  // An HLS mirror older than the playlist's newest file (the origin replaced a rendition) is made again.
  '    AND NOT EXISTS (SELECT 1 FROM "videoRedundancy" r WHERE r."videoStreamingPlaylistId" = p."id" AND r."actorId" = :serverActorId ' +
  '      AND r."updatedAt" >= (SELECT MAX(lf."createdAt") FROM "videoFile" lf WHERE lf."videoStreamingPlaylistId" = p."id")))) ' +
  // A video whose last mirror attempts failed waits its turn (video-redundancy-attempt.ts).
  'AND NOT EXISTS (SELECT 1 FROM "videoRedundancyAttempt" ra WHERE ra."videoId" = v."id" AND ra."retryAfter" > now()) '

const ORDER: Record<string, string> = {
  'most-views': 'ORDER BY v."views" DESC, v."id"',
  // Views weighed by age: what is watched now, not what was watched years ago.
  trending: 'ORDER BY v."views" / (1 + EXTRACT(EPOCH FROM (now() - v."publishedAt")) / 86400) DESC, v."id"',
  'recently-added': 'ORDER BY v."publishedAt" DESC, v."id"'
}

export async function findRedundancyCandidates (options: { strategy: string, serverActorId: number, minViews?: number, limit: number }) {
  const minViews = options.minViews !== undefined ? 'AND v."views" >= :minViews ' : ''
  return VideoRedundancyModel.sequelize!.query<{ id: number, size: string }>(
    CANDIDATES + minViews + ORDER[options.strategy] + ' LIMIT :limit',
    { replacements: { serverActorId: options.serverActorId, minViews: options.minViews ?? 0, limit: options.limit }, type: QueryTypes.SELECT }
  ).then(rows => rows.map(r => ({ id: r.id, size: Number(r.size) })))
}

/** What a strategy's mirrors (ours) use: PeerTube's `videosRedundancy` stats of /server/stats. */
export async function redundancyUsage (strategy: string, serverActorId: number) {
  const [ row ] = await VideoRedundancyModel.sequelize!.query<{ totalUsed: string, totalVideos: string, totalVideoFiles: string }>(
    'WITH "files" AS (' +
    ' SELECT f."size", f."videoId" AS "videoId" FROM "videoRedundancy" r JOIN "videoFile" f ON f."id" = r."videoFileId" WHERE r."strategy" = :strategy AND r."actorId" = :serverActorId ' +
    ' UNION ALL SELECT f."size", p."videoId" FROM "videoRedundancy" r JOIN "videoStreamingPlaylist" p ON p."id" = r."videoStreamingPlaylistId" ' +
    ' JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p."id" WHERE r."strategy" = :strategy AND r."actorId" = :serverActorId) ' +
    'SELECT COALESCE(SUM("size"), 0) AS "totalUsed", COUNT(DISTINCT "videoId") AS "totalVideos", COUNT(*) AS "totalVideoFiles" FROM "files"',
    { replacements: { strategy, serverActorId }, type: QueryTypes.SELECT }
  )
  return { totalUsed: Number(row.totalUsed), totalVideos: Number(row.totalVideos), totalVideoFiles: Number(row.totalVideoFiles) }
}
