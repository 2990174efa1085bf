import { Op } from 'sequelize'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { getServerActor } from '../activitypub/server-actor.js'

/**
 * PeerTube's `VideoRedundancy` list: `my-videos` are our videos that other instances mirror (with the state of
 * our check of each mirror), `remote-videos` the remote videos we mirror.
 */
export async function listVideoRedundancies (options: { target: 'my-videos' | 'remote-videos', start: number, count: number, sort: string }) {
  const serverActor = await getServerActor()
  const actorWhere = options.target === 'my-videos' ? { actorId: { [Op.ne]: serverActor.id } } : { actorId: serverActor.id }
  const rows = await VideoRedundancyModel.findAll({
    where: actorWhere,
    include: [ { model: VideoFileModel, required: false }, { model: VideoStreamingPlaylistModel, required: false, include: [ VideoFileModel ] } ]
  })
  const byVideo = new Map<number, VideoRedundancyModel[]>()
  for (const row of rows) {
    const videoId = row.VideoFile?.videoId ?? row.VideoStreamingPlaylist?.videoId
    if (!videoId) continue
    byVideo.set(videoId, [ ...(byVideo.get(videoId) ?? []), row ])
  }
  const videos = await VideoModel.findAll({ where: { id: [ ...byVideo.keys() ], remote: options.target === 'remote-videos' } })
  const desc = options.sort.startsWith('-')
  videos.sort((a, b) => (desc ? -1 : 1) * a.name.localeCompare(b.name))
  const page = videos.slice(options.start, options.start + options.count)
  return {
    total: videos.length,
    data: page.map(video => formatVideoRedundancy(video, byVideo.get(video.id) ?? []))
  }
}

function formatVideoRedundancy (video: VideoModel, rows: VideoRedundancyModel[]) {
  const info = (row: VideoRedundancyModel, size: number) => ({
    id: row.id,
    fileUrl: row.fileUrl,
    strategy: row.strategy,
    size,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresOn: row.expiresOn,
    // Ours: whether we checked the mirror holds our bytes (listed only when 'verified'), and why not.
    state: row.state,
    stateReason: row.stateReason,
    verifiedAt: row.verifiedAt
  })
  return {
    id: video.id,
    name: video.name,
    url: video.url,
    uuid: video.uuid,
    redundancies: {
      files: rows.filter(r => r.VideoFile).map(r => info(r, r.VideoFile!.size)),
      streamingPlaylists: rows.filter(r => r.VideoStreamingPlaylist).map(r => info(r, (r.VideoStreamingPlaylist!.VideoFiles ?? []).reduce((sum, f) => sum + f.size, 0)))
    }
  }
}
