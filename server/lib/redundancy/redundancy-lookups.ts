import { Op } from 'sequelize'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'

/** Whether `actorId` mirrors any file or the playlist of the video. */
export async function hasRedundancyOfVideo (videoId: number, actorId: number) {
  const files = await VideoFileModel.findAll({ where: { videoId }, attributes: [ 'id' ] })
  const playlists = await VideoStreamingPlaylistModel.findAll({ where: { videoId }, attributes: [ 'id' ] })
  return (await VideoRedundancyModel.count({
    where: {
      actorId,
      [Op.or]: [ { videoFileId: files.map(f => f.id) }, { videoStreamingPlaylistId: playlists.map(p => p.id) } ]
    }
  })) !== 0
}
