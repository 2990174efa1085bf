import { VideoPlaylistElementType } from '../../../../shared/models/playlists.js'
import { VIDEO_PLAYLIST_PRIVACIES, VIDEO_PLAYLIST_TYPES } from '../../../initializers/constants/playlists.js'
import { LAZY_STATIC_PATHS } from '../../../initializers/constants/static-paths.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { formatAccountSummary } from '../../account/formatters/account-formatter.js'
import { formatVideoChannelSummary } from '../../account/formatters/video-channel-formatter.js'
import type { VideoPlaylistModel } from '../video-playlist.js'
import { formatVideo } from './video-formatter.js'
import type { PlaylistElementWithVideo, VideoSummary } from '../video-loaded.js'

export function playlistThumbnailPath (playlist: Pick<VideoPlaylistModel, 'thumbnailFilename'>) {
  return playlist.thumbnailFilename ? LAZY_STATIC_PATHS.THUMBNAILS + playlist.thumbnailFilename : null
}

/** PeerTube's `VideoPlaylist`. Needs OwnerAccount (with Actor) and VideoChannel loaded; videosLength when known. */
export function formatPlaylist (playlist: VideoPlaylistModel) {
  const thumbnailPath = playlistThumbnailPath(playlist)
  return {
    id: playlist.id,
    uuid: playlist.uuid,
    shortUUID: toShortUuid(playlist.uuid),
    isLocal: !playlist.remote,
    url: playlist.url,
    displayName: playlist.name,
    description: playlist.description,
    privacy: { id: playlist.privacy, label: VIDEO_PLAYLIST_PRIVACIES[playlist.privacy] ?? 'Unknown' },
    thumbnailPath,
    thumbnailUrl: thumbnailPath ? WEBSERVER.URL + thumbnailPath : undefined,
    embedPath: `/video-playlists/embed/${playlist.uuid}`,
    type: { id: playlist.type, label: VIDEO_PLAYLIST_TYPES[playlist.type] ?? 'Unknown' },
    videosLength: playlist.videosLength ?? 0,
    createdAt: playlist.createdAt,
    updatedAt: playlist.updatedAt,
    ownerAccount: formatAccountSummary(playlist.OwnerAccount!),
    videoChannel: playlist.VideoChannel ? formatVideoChannelSummary(playlist.VideoChannel) : null
  }
}

/**
 * PeerTube's `VideoPlaylistElement`. `canSee` says whether the viewer may see the element's video; an element
 * whose video is gone is DELETED, one the viewer may not see is PRIVATE (or UNAVAILABLE), both without video.
 */
export function formatPlaylistElement (element: PlaylistElementWithVideo, canSee: (video: VideoSummary) => boolean) {
  const video = element.Video
  let type: number = VideoPlaylistElementType.REGULAR
  if (!video) type = VideoPlaylistElementType.DELETED
  else if (!canSee(video)) type = video.privacy === 3 ? VideoPlaylistElementType.PRIVATE : VideoPlaylistElementType.UNAVAILABLE

  return {
    id: element.id,
    position: element.position,
    startTimestamp: element.startTimestamp,
    stopTimestamp: element.stopTimestamp,
    type,
    video: type === VideoPlaylistElementType.REGULAR && video ? formatVideo(video) : null
  }
}
