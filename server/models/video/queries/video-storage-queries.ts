import { Op } from 'sequelize'
import { VideoFileModel } from '../video-file.js'
import { VideoStreamingPlaylistModel } from '../video-streaming-playlist.js'
import { VideoModel } from '../video.js'

/** Local videos with a media file or playlist still in `fromStorage` (0 file system, 1 object storage). */
export async function listVideosToMove (fromStorage: number, uuid?: string) {
  const withFiles = await VideoFileModel.findAll({ where: { storage: fromStorage, videoId: { [Op.ne]: null } }, attributes: [ 'videoId' ] })
  const withPlaylists = await VideoStreamingPlaylistModel.findAll({ where: { storage: fromStorage }, attributes: [ 'videoId' ] })
  const ids = [ ...new Set([ ...withFiles.map(f => f.videoId!), ...withPlaylists.map(p => p.videoId) ]) ]
  return VideoModel.findAll({ where: { id: ids, remote: false, ...(uuid ? { uuid } : {}) }, order: [ [ 'id', 'ASC' ] ] })
}
