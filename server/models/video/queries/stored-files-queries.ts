import { QueryTypes } from 'sequelize'
import { VideoModel } from '../video.js'

// Which of the names found on disk the database knows: the storage sweep removes the others. Each query takes one
// batch of names, so a folder of millions of files is checked without loading every name in memory.

export type StoredFileKind = 'web-video' | 'torrent' | 'thumbnail' | 'actor-image' | 'original'

const KNOWN_NAME_QUERIES: Record<StoredFileKind, string> = {
  'web-video': 'SELECT "filename" AS "name" FROM "videoFile" WHERE "videoId" IS NOT NULL AND "filename" IN (:names)',
  torrent: 'SELECT "torrentFilename" AS "name" FROM "videoFile" WHERE "torrentFilename" IN (:names)',
  // Playlist miniatures live in the miniatures folder too.
  thumbnail: 'SELECT "filename" AS "name" FROM "thumbnail" WHERE "filename" IN (:names) ' +
    'UNION ALL SELECT "thumbnailFilename" AS "name" FROM "videoPlaylist" WHERE "thumbnailFilename" IN (:names)',
  'actor-image': 'SELECT "filename" AS "name" FROM "actorImage" WHERE "filename" IN (:names)',
  original: 'SELECT "keptOriginalFilename" AS "name" FROM "videoSource" WHERE "keptOriginalFilename" IN (:names)'
}

export async function listKnownFilenames (kind: StoredFileKind, names: string[]) {
  if (names.length === 0) return new Set<string>()
  const rows = await VideoModel.sequelize!.query<{ name: string }>(KNOWN_NAME_QUERIES[kind], { replacements: { names }, type: QueryTypes.SELECT })
  return new Set(rows.map(r => r.name))
}

/** For local videos among `uuids`: the HLS file names their rows list (media files, master, segments hashes). */
export async function listKnownHlsFiles (uuids: string[]) {
  const known = new Map<string, Set<string>>()
  if (uuids.length === 0) return known
  const rows = await VideoModel.sequelize!.query<{ uuid: string, playlistFilename: string | null, segmentsSha256Filename: string | null, filename: string | null }>(
    'SELECT v."uuid", p."playlistFilename", p."segmentsSha256Filename", f."filename" FROM "video" v ' +
    'LEFT JOIN "videoStreamingPlaylist" p ON p."videoId" = v."id" LEFT JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p."id" ' +
    'WHERE v."remote" = false AND v."uuid" IN (:uuids)',
    { replacements: { uuids }, type: QueryTypes.SELECT }
  )
  for (const row of rows) {
    const names = known.get(row.uuid) ?? new Set<string>()
    for (const name of [ row.playlistFilename, row.segmentsSha256Filename, row.filename ]) if (name) names.add(name)
    known.set(row.uuid, names)
  }
  return known
}
