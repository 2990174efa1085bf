import {
  listElementsOfVideosInAccountPlaylists, listPlaylistElements, listPlaylists, listPublicPlaylistUrls, type PlaylistListFilters
} from '../../models/video/queries/playlist-list-query.js'

// Lists of playlists and of their elements, as the API and the ActivityPub collections page them.

export function listPlaylistsForApi (filters: PlaylistListFilters) {
  return listPlaylists(filters)
}

/** One page of a playlist's elements, with their videos. */
export function listElementsOfPlaylist (playlistId: number, options: { start: number, count: number }) {
  return listPlaylistElements(playlistId, options)
}

/** Where each of these videos is in this account's playlists (the "saved in" check of the player). */
export function listElementsOfVideosInPlaylistsOf (accountId: number, videoIds: number[]) {
  return listElementsOfVideosInAccountPlaylists(accountId, videoIds)
}

/** The URLs of an account's (or shown on a channel's) public playlists, one page. */
export function listPublicPlaylistUrlsOf (owner: { accountId?: number, channelId?: number }, start: number, count: number) {
  return listPublicPlaylistUrls(owner, start, count)
}
