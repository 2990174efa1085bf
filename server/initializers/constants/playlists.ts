import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../shared/models/playlists.js'

export const VIDEO_PLAYLIST_PRIVACIES: Record<number, string> = {
  [VideoPlaylistPrivacy.PUBLIC]: 'Public',
  [VideoPlaylistPrivacy.UNLISTED]: 'Unlisted',
  [VideoPlaylistPrivacy.PRIVATE]: 'Private'
}

export const VIDEO_PLAYLIST_TYPES: Record<number, string> = {
  [VideoPlaylistType.REGULAR]: 'Regular',
  [VideoPlaylistType.WATCH_LATER]: 'Watch later'
}

/** PeerTube's limits, so a playlist made here is valid there. */
export const VIDEO_PLAYLIST_CONSTRAINTS = {
  NAME: { min: 1, max: 120 },
  DESCRIPTION: { min: 3, max: 1000 },
  /** Elements per playlist: enough for any real use, small enough to reorder in one statement. */
  MAX_ELEMENTS: 5000
} as const

export const WATCH_LATER_PLAYLIST_NAME = 'Watch later'

/** A remote playlist read longer ago than this is read again when someone opens it. */
export const REMOTE_PLAYLIST_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000

/** Element URLs a remote playlist may list (its collection pages are read up to this many). */
export const REMOTE_PLAYLIST_MAX_ELEMENTS = 500
