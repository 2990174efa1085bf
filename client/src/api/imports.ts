// /api/v1/videos/imports: import a video from a media URL, a .torrent file or a magnet link; list, cancel, delete.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { VideoImportJson } from '../../../shared/models/video-imports.js'
import { api, apiRequest } from './http.js'

export type ImportSourceInput =
  | { kind: 'url'; targetUrl: string }
  | { kind: 'magnet'; magnetUri: string }
  | { kind: 'torrent'; torrentfile: File }

/** Multipart, as PeerTube's client sends it (a .torrent rides along as a file). */
export function createImport (source: ImportSourceInput, fields: { channelId: number; privacy: number; name?: string }): Promise<VideoImportJson> {
  const form = new FormData()
  form.set('channelId', String(fields.channelId))
  form.set('privacy', String(fields.privacy))
  if (fields.name) form.set('name', fields.name)
  if (source.kind === 'url') form.set('targetUrl', source.targetUrl)
  if (source.kind === 'magnet') form.set('magnetUri', source.magnetUri)
  if (source.kind === 'torrent') form.set('torrentfile', source.torrentfile, source.torrentfile.name)
  return apiRequest('POST', '/videos/imports', { form })
}

export function listMyImports (query: { start?: number; count?: number } = {}): Promise<ResultList<VideoImportJson>> {
  return api.get<ResultList<VideoImportJson>>('/users/me/videos/imports', { sort: '-createdAt', ...query })
}

export function cancelImport (id: number): Promise<void> {
  return api.post<void>(`/videos/imports/${id}/cancel`)
}

export function deleteImport (id: number): Promise<void> {
  return api.delete(`/videos/imports/${id}`)
}
