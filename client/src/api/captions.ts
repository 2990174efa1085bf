// /api/v1/videos/{id}/captions and /chapters: a video's subtitles (one WebVTT file per language) and chapters.
import type { IdLabel, ResultList } from '../../../shared/models/client-common.js'
import { api, apiRequest } from './http.js'

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

/** Adds or replaces the caption of a language (a .vtt or .srt file; the server stores WebVTT). */
export function putVideoCaption (id: string | number, language: string, file: File): Promise<void> {
  const form = new FormData()
  form.append('captionfile', file)
  return apiRequest<void>('PUT', `/videos/${encodeURIComponent(String(id))}/captions/${encodeURIComponent(language)}`, { form })
}

export function deleteVideoCaption (id: string | number, language: string): Promise<void> {
  return api.delete(`/videos/${encodeURIComponent(String(id))}/captions/${encodeURIComponent(language)}`)
}

export function putVideoChapters (id: string | number, chapters: VideoChapter[]): Promise<void> {
  return api.put<void>(`/videos/${encodeURIComponent(String(id))}/chapters`, { chapters })
}
