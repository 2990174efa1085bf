import { QueryTypes } from 'sequelize'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoModel } from '../../models/video/video.js'
import { isObjectStorageEnabled, type ObjectKind } from './object-storage-client.js'
import { listObjects, removeObjects } from './object-storage-files.js'

const log = loggerWithTags('storage')

// Which object keys the rows know, per kind (rows whose storage is the bucket). Keys are file names, or
// `<video uuid>/<file name>` for HLS.
const KNOWN_KEYS: Partial<Record<ObjectKind, string>> = {
  web_videos: 'SELECT "filename" AS "key" FROM "videoFile" WHERE "storage" = 1 AND "videoId" IS NOT NULL AND "filename" IN (:keys)',
  torrents: 'SELECT "torrentFilename" AS "key" FROM "videoFile" WHERE "storage" = 1 AND "torrentFilename" IN (:keys)',
  thumbnails: 'SELECT "filename" AS "key" FROM "thumbnail" WHERE "storage" = 1 AND "filename" IN (:keys)',
  avatars: 'SELECT "filename" AS "key" FROM "actorImage" WHERE "storage" = 1 AND "filename" IN (:keys)',
  original_video_files: 'SELECT "keptOriginalFilename" AS "key" FROM "videoSource" WHERE "storage" = 1 AND "keptOriginalFilename" IN (:keys)',
  streaming_playlists: 'SELECT v."uuid" || \'/\' || n."name" AS "key" FROM "video" v JOIN "videoStreamingPlaylist" p ON p."videoId" = v."id" ' +
    'CROSS JOIN LATERAL (SELECT p."playlistFilename" AS "name" UNION ALL SELECT p."segmentsSha256Filename" ' +
    'UNION ALL SELECT f."filename" FROM "videoFile" f WHERE f."videoStreamingPlaylistId" = p."id" ' +
    'UNION ALL SELECT regexp_replace(f."filename", \'-fragmented\\.mp4$\', \'\') || \'.m3u8\' FROM "videoFile" f WHERE f."videoStreamingPlaylistId" = p."id") n ' +
    'WHERE p."storage" = 1 AND v."uuid" || \'/\' || n."name" IN (:keys)'
}

export interface BucketSweepReport {
  checked: number
  removed: { path: string, bytes: number }[]
}

/**
 * The start-up sweep's bucket side: objects no row knows of (an upload whose move never switched, a deletion
 * whose removal was lost), older than `olderThan`, are removed. A move in progress is younger than the age
 * limit, and its objects are known once it switches.
 */
export async function sweepBuckets (olderThan: number, report: BucketSweepReport) {
  if (!isObjectStorageEnabled()) return
  for (const [ kind, query ] of Object.entries(KNOWN_KEYS) as [ ObjectKind, string ][]) {
    try {
      for await (const page of listObjects(kind)) {
        const candidates = page.filter(o => o.lastModified.getTime() < olderThan && !o.key.startsWith('.tubeless-check-'))
        report.checked += page.length
        if (candidates.length === 0) continue
        const rows = await VideoModel.sequelize!.query<{ key: string }>(query, { replacements: { keys: candidates.map(c => c.key) }, type: QueryTypes.SELECT })
        const known = new Set(rows.map(r => r.key))
        const orphans = candidates.filter(c => !known.has(c.key))
        if (orphans.length === 0) continue
        await removeObjects(kind, orphans.map(o => o.key))
        for (const o of orphans) report.removed.push({ path: `object-storage:${kind}/${o.key}`, bytes: o.size })
      }
    } catch (err) {
      log.warn(`Storage sweep: cannot sweep the ${kind} bucket`, { err })
    }
  }
}
