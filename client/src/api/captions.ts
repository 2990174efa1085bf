// /api/v1/videos/{id}/captions: a video's subtitles, one WebVTT file per language.
import type { IdLabel, ResultList } from '../../../shared/models/client-common.js'
import { api } from './http.js'

export interface VideoCaption {
  language: IdLabel<string>
  captionPath: string
  updatedAt: string
}

export function listVideoCaptions (id: string | number): Promise<ResultList<VideoCaption>> {
  return api.get<ResultList<VideoCaption>>(`/videos/${encodeURIComponent(String(id))}/captions`)
}
