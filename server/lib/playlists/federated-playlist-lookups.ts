import { VideoPlaylistElementModel } from '../../models/video/video-playlist-element.js'
import { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { VideoModel } from '../../models/video/video.js'

// What a playlist's ActivityPub URLs and its lazily fetched miniature need.

/** An element of this playlist with its video's URL; null when it is not there. */
export function loadPlaylistElementWithVideoUrl (playlistId: number, elementId: number) {
  return VideoPlaylistElementModel.findOne({
    where: { id: elementId, videoPlaylistId: playlistId },
    include: [ { model: VideoModel, required: true, attributes: [ 'url' ] } ]
  })
}

/** The remote playlist whose miniature has this file name and was not fetched yet. */
export function loadRemotePlaylistWithoutThumbnail (thumbnailFilename: string) {
  return VideoPlaylistModel.findOne({ where: { thumbnailFilename, remote: true, thumbnailOnDisk: false } })
}

export async function markPlaylistThumbnailOnDisk (playlistId: number) {
  await VideoPlaylistModel.update({ thumbnailOnDisk: true }, { where: { id: playlistId } })
}
