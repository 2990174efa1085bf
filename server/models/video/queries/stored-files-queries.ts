import { QueryTypes } from 'sequelize'
import { VideoModel } from '../video.js'

// Which of the names found on disk the database knows: the storage sweep removes the others. Each query takes one
// batch of names, so a folder of millions of files is checked without loading every name in memory.

export type StoredFileKind = 'web-video' | 'torrent' | 'thumbnail' | 'actor-image' | 'original' | 'storyboard'

const KNOWN_NAME_QUERIES: Record<StoredFileKind, string> = {
  'web-video': 'SELECT "filename" AS "name" FROM "videoFile" WHERE "videoId" IS NOT NULL AND "filename" IN (:names)',
  torrent: 'SELECT "torrentFilename" AS "name" FROM "videoFile" WHERE "torrentFilename" IN (:names)',
  // Playlist miniatures live in the miniatures folder too.
  thumbnail: 'SELECT "filename" AS "name" FROM "thumbnail" WHERE "filename" IN (:names) ' +
    'UNION ALL SELECT "thumbnailFilename" AS "name" FROM "videoPlaylist" WHERE "thumbnailFilename" IN (:names)',
  'actor-image': 'SELECT "filename" AS "name" FROM "actorImage" WHERE "filename" IN (:names)',
  original: 'SELECT "keptOriginalFilename" AS "name" FROM "videoSource" WHERE "keptOriginalFilename" IN (:names)',
  storyboard: 'SELECT "filename" AS "name" FROM "storyboard" WHERE "filename" IN (:names)'
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

/** Which of `uuids` are local videos (whatever files they have): for folders named after their video. */
export async function listLocalVideoUuids (uuids: string[]) {
  if (uuids.length === 0) return new Set<string>()
  const rows = await VideoModel.sequelize!.query<{ uuid: string }>(
    'SELECT "uuid" FROM "video" WHERE "remote" = false AND "uuid" IN (:uuids)',
    { replacements: { uuids }, type: QueryTypes.SELECT }
  )
  return new Set(rows.map(r => r.uuid))
}

/**
 * Our mirrors of remote videos (storage/redundancy): the web video file names our mirror rows serve, and for each
 * mirrored HLS playlist (by video uuid) its file names as the origin publishes them.
 */
export async function listKnownMirrorFiles (serverActorId: number) {
  const rows = await VideoModel.sequelize!.query<{ fileUrl: string, uuid: string | null, playlistUrl: string | null, segmentsSha256Url: string | null, hlsFileUrl: string | null }>(
    'SELECT r."fileUrl", v."uuid", p."playlistUrl", p."segmentsSha256Url", f."fileUrl" AS "hlsFileUrl" FROM "videoRedundancy" r ' +
    'LEFT JOIN "videoStreamingPlaylist" p ON p."id" = r."videoStreamingPlaylistId" LEFT JOIN "video" v ON v."id" = p."videoId" ' +
    'LEFT JOIN "videoFile" f ON f."videoStreamingPlaylistId" = p."id" WHERE r."actorId" = :serverActorId',
    { replacements: { serverActorId }, type: QueryTypes.SELECT }
  )
  const webVideoUrls = new Set<string>()
  const hls = new Map<string, string[]>()
  for (const row of rows) {
    if (!row.uuid) {
      webVideoUrls.add(row.fileUrl)
      continue
    }
    const urls = hls.get(row.uuid) ?? []
    for (const url of [ row.playlistUrl, row.segmentsSha256Url, row.hlsFileUrl ]) if (url) urls.push(url)
    hls.set(row.uuid, urls)
  }
  return { webVideoUrls, hls }
}
