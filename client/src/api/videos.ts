// /api/v1/videos: lists, details, views, edition, deletion.
import type { IdLabel, ResultList } from '../../../shared/models/client-common.js'
import type { Video, VideoDetails, VideoSource, VideoUpdate } from '../../../shared/models/client-video.js'
import { api, apiRequest, type Query } from './http.js'

export type VideoSort = '-publishedAt' | '-createdAt' | '-views' | '-trending' | '-hot' | '-likes' | 'name' | '-duration'

export interface VideoListQuery {
  start?: number
  count?: number
  sort?: VideoSort
  isLocal?: boolean
  /** 'true' | 'false' | 'both' as PeerTube accepts. */
  nsfw?: 'true' | 'false' | 'both'
  tagsOneOf?: string[]
  categoryOneOf?: number[]
}

export function listVideos (query: VideoListQuery = {}): Promise<ResultList<Video>> {
  return api.get<ResultList<Video>>('/videos', query as Query)
}

export function getVideo (id: string | number): Promise<VideoDetails> {
  return api.get<VideoDetails>(`/videos/${encodeURIComponent(String(id))}`)
}

/** The full description (list replies carry only a truncated one). */
export async function getVideoDescription (id: string | number): Promise<string | null> {
  const reply = await api.get<{ description: string | null }>(`/videos/${encodeURIComponent(String(id))}/description`)
  return reply.description
}

/** Counts one view; the server dedupes by viewer, so calling once per playback session is enough. */
export function addView (id: string | number, currentTime?: number): Promise<void> {
  const body = currentTime === undefined ? {} : { currentTime: Math.floor(currentTime) }
  return api.post<void>(`/videos/${encodeURIComponent(String(id))}/views`, body)
}

/** PUT as JSON (multipart cannot express an empty tag list or a null, JSON can). */
export function updateVideo (id: string | number, update: VideoUpdate): Promise<void> {
  return apiRequest<void>('PUT', `/videos/${encodeURIComponent(String(id))}`, { json: update })
}

/** A new thumbnail alone (multipart `thumbnailfile`). */
export function updateVideoThumbnail (id: string | number, thumbnail: Blob, filename = 'thumbnail.jpg'): Promise<void> {
  const form = new FormData()
  form.append('thumbnailfile', thumbnail, filename)
  return apiRequest<void>('PUT', `/videos/${encodeURIComponent(String(id))}`, { form })
}

/** What was uploaded, and which renditions are still being made (owner only). */
export function getVideoSource (id: string | number): Promise<VideoSource> {
  return api.get<VideoSource>(`/videos/${encodeURIComponent(String(id))}/source`)
}

export function deleteVideo (id: string | number): Promise<void> {
  return api.delete(`/videos/${encodeURIComponent(String(id))}`)
}

export function listMyVideos (query: { start?: number; count?: number; sort?: string; search?: string } = {}): Promise<ResultList<Video>> {
  return api.get<ResultList<Video>>('/users/me/videos', query)
}

/** Lookup tables: id -> label. */
export function getCategories (): Promise<Record<string, string>> {
  return api.get<Record<string, string>>('/videos/categories', undefined, { auth: false })
}

export function getPrivacies (): Promise<Record<string, string>> {
  return api.get<Record<string, string>>('/videos/privacies', undefined, { auth: false })
}

export function getLicences (): Promise<Record<string, string>> {
  return api.get<Record<string, string>>('/videos/licences', undefined, { auth: false })
}

export function getLanguages (): Promise<Record<string, string>> {
  return api.get<Record<string, string>>('/videos/languages', undefined, { auth: false })
}

export type { IdLabel }
