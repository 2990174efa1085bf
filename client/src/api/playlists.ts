// /api/v1/video-playlists: playlists, their elements, and where videos already are (add-to-playlist menu).
import type { ResultList } from '../../../shared/models/client-common.js'
import type { VideoExistInPlaylist, VideoPlaylist, VideoPlaylistElement } from '../../../shared/models/client-library.js'
import { api, apiRequest } from './http.js'

const enc = encodeURIComponent

export interface PlaylistFields {
  displayName?: string
  description?: string | null
  privacy?: number
  videoChannelId?: number | null
}

export function listAccountPlaylists (account: string, query: { start?: number; count?: number; sort?: string } = {}) {
  return api.get<ResultList<VideoPlaylist>>(`/accounts/${enc(account)}/video-playlists`, { count: 100, sort: '-updatedAt', ...query })
}

export function listChannelPlaylists (handle: string) {
  return api.get<ResultList<VideoPlaylist>>(`/video-channels/${enc(handle)}/video-playlists`, { count: 100 })
}

export function getPlaylist (id: string | number) {
  return api.get<VideoPlaylist>(`/video-playlists/${enc(String(id))}`)
}

export function listPlaylistElements (id: string | number, query: { start?: number; count?: number } = {}) {
  return api.get<ResultList<VideoPlaylistElement>>(`/video-playlists/${enc(String(id))}/videos`, { count: 100, ...query })
}

/** Multipart when a miniature rides along, JSON otherwise. */
function playlistRequest (method: string, path: string, fields: PlaylistFields, thumbnail?: File | null) {
  if (!thumbnail) return apiRequest<{ videoPlaylist: { id: number; uuid: string; shortUUID: string } }>(method, path, { json: fields })
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value === null ? '' : String(value))
  form.append('thumbnailfile', thumbnail)
  return apiRequest<{ videoPlaylist: { id: number; uuid: string; shortUUID: string } }>(method, path, { form })
}

export function createPlaylist (fields: PlaylistFields, thumbnail?: File | null) {
  return playlistRequest('POST', '/video-playlists', fields, thumbnail)
}

export function updatePlaylist (id: number, fields: PlaylistFields, thumbnail?: File | null) {
  return playlistRequest('PUT', `/video-playlists/${id}`, fields, thumbnail)
}

export function deletePlaylist (id: number) {
  return api.delete(`/video-playlists/${id}`)
}

export function addToPlaylist (playlistId: number, videoId: number, timestamps: { startTimestamp?: number | null; stopTimestamp?: number | null } = {}) {
  return api.post<{ videoPlaylistElement: { id: number } }>(`/video-playlists/${playlistId}/videos`, { videoId, ...timestamps })
}

export function updatePlaylistElement (playlistId: number, elementId: number, timestamps: { startTimestamp?: number | null; stopTimestamp?: number | null }) {
  return api.put<void>(`/video-playlists/${playlistId}/videos/${elementId}`, timestamps)
}

export function removeFromPlaylist (playlistId: number, elementId: number) {
  return api.delete(`/video-playlists/${playlistId}/videos/${elementId}`)
}

export function reorderPlaylist (playlistId: number, startPosition: number, insertAfterPosition: number) {
  return api.post<void>(`/video-playlists/${playlistId}/videos/reorder`, { startPosition, insertAfterPosition })
}

export function videosExistInPlaylists (videoIds: number[]) {
  return api.get<Record<number, VideoExistInPlaylist[]>>('/users/me/video-playlists/videos-exist', { videoIds })
}

export function searchPlaylists (search: string, query: { start?: number; count?: number } = {}) {
  return api.get<ResultList<VideoPlaylist>>('/search/video-playlists', { search, ...query })
}
