import { VideoPlaylistPrivacy } from '../../../../shared/models/playlists.js'
import { VideoPrivacy } from '../../../../shared/models/videos.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { THUMBNAIL_SIZE } from '../../../initializers/constants/transcoding.js'
import { playlistThumbnailPath } from '../../../models/video/formatters/playlist-formatter.js'
import { VideoPlaylistElementModel } from '../../../models/video/video-playlist-element.js'
import type { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import { buildOrderedCollection } from '../collections/ordered-collection.js'
import { getVideoAudience, type Audience } from '../videos/audience.js'

/** Needs OwnerAccount.Actor (and VideoChannel.Actor when it has one). */
export function playlistAudience (playlist: VideoPlaylistModel): Audience {
  const privacy = playlist.privacy === VideoPlaylistPrivacy.PUBLIC ? VideoPrivacy.PUBLIC : VideoPrivacy.UNLISTED
  return getVideoAudience(playlist.OwnerAccount!.Actor!, privacy)
}

/**
 * PeerTube's Playlist object: an OrderedCollection of its element URLs (first page link, or page `page`), with
 * name, description, uuid, dates, the channel it is shown on (attributedTo) and its miniature (icon).
 */
export async function buildPlaylistObject (playlist: VideoPlaylistModel, page?: number) {
  const collection = await buildOrderedCollection(playlist.url, page,
    (start, count) => VideoPlaylistElementModel.listUrlsForActivityPub(playlist.id, start, count))
  const { '@context': _context, ...rest } = collection
  const thumbnail = playlistThumbnailPath(playlist)

  return {
    ...rest,
    type: 'Playlist',
    name: playlist.name,
    content: playlist.description,
    mediaType: 'text/markdown',
    uuid: playlist.uuid,
    published: playlist.createdAt.toISOString(),
    updated: playlist.updatedAt.toISOString(),
    attributedTo: playlist.VideoChannel?.Actor ? [ playlist.VideoChannel.Actor.url ] : [],
    icon: thumbnail
      ? { type: 'Image', url: WEBSERVER.URL + thumbnail, mediaType: 'image/jpeg', width: THUMBNAIL_SIZE.width, height: THUMBNAIL_SIZE.height }
      : undefined,
    ...playlistAudience(playlist)
  }
}

/** PeerTube's PlaylistElement object (timestamps only when set). */
export function buildPlaylistElementObject (element: VideoPlaylistElementModel, videoUrl: string) {
  return {
    id: element.url,
    type: 'PlaylistElement',
    url: videoUrl,
    position: element.position,
    ...(element.startTimestamp ? { startTimestamp: element.startTimestamp } : {}),
    ...(element.stopTimestamp ? { stopTimestamp: element.stopTimestamp } : {})
  }
}
