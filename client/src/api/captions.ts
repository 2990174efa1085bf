// /api/v1/videos/{id}/captions and /chapters: a video's subtitles (one WebVTT file per language) and chapters.
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

export interface VideoChapter {
  timecode: number
  title: string
}

export async function listVideoChapters (id: string | number): Promise<VideoChapter[]> {
  return (await api.get<{ chapters: VideoChapter[] }>(`/videos/${encodeURIComponent(String(id))}/chapters`)).chapters
}
