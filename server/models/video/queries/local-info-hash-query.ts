import { QueryTypes, type Sequelize } from 'sequelize'

/**
 * Whether an info hash belongs to one of this instance's own videos: a file's torrent (web video or HLS), or one of
 * its HLS playlists' p2p-media-loader swarms. Remote videos are tracked by their origin, not by us.
 */
export async function isLocalVideoInfoHash (sequelize: Sequelize, infoHash: string) {
  const rows = await sequelize.query<{ found: number }>(`
    SELECT 1 AS found FROM "videoFile" f
      LEFT JOIN "videoStreamingPlaylist" p ON p.id = f."videoStreamingPlaylistId"
      JOIN video v ON v.id = coalesce(f."videoId", p."videoId")
      WHERE f."infoHash" = :infoHash AND v.remote = false
    UNION ALL
    SELECT 1 FROM "videoStreamingPlaylist" p
      JOIN video v ON v.id = p."videoId"
      WHERE p."p2pMediaLoaderInfohashes" @> ARRAY[:infoHash]::varchar[] AND v.remote = false
    LIMIT 1
  `, { type: QueryTypes.SELECT, replacements: { infoHash } })
  return rows.length !== 0
}
