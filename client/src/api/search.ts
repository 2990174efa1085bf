// /api/v1/search/videos
import type { ResultList } from '../../../shared/models/client-common.js'
import type { Video } from '../../../shared/models/client-video.js'
import { api } from './http.js'

export interface VideoSearchQuery {
  search: string
  start?: number
  count?: number
  sort?: string
  nsfw?: 'true' | 'false' | 'both'
  tagsOneOf?: string[]
  categoryOneOf?: number[]
  isLocal?: boolean
}

export function searchVideos (query: VideoSearchQuery, signal?: AbortSignal): Promise<ResultList<Video>> {
  return api.get<ResultList<Video>>('/search/videos', { ...query }, { signal })
}
