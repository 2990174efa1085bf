// Accounts (/a/:name) and channels (/c/:handle): profiles and their videos.
import type { ActorImage, ResultList } from '../../../shared/models/client-common.js'
import type { Account, VideoChannel } from '../../../shared/models/client-user.js'
import type { Video } from '../../../shared/models/client-video.js'
import { api, apiRequest } from './http.js'
import type { VideoListQuery } from './videos.js'

const enc = encodeURIComponent

export function getChannel (handle: string): Promise<VideoChannel> {
  return api.get<VideoChannel>(`/video-channels/${enc(handle)}`)
}

export function listChannelVideos (handle: string, query: VideoListQuery = {}): Promise<ResultList<Video>> {
  return api.get<ResultList<Video>>(`/video-channels/${enc(handle)}/videos`, { ...query })
}

export function getAccount (name: string): Promise<Account> {
  return api.get<Account>(`/accounts/${enc(name)}`)
}

export function listAccountVideos (name: string, query: VideoListQuery = {}): Promise<ResultList<Video>> {
  return api.get<ResultList<Video>>(`/accounts/${enc(name)}/videos`, { ...query })
}

export function listAccountChannels (name: string): Promise<ResultList<VideoChannel>> {
  return api.get<ResultList<VideoChannel>>(`/accounts/${enc(name)}/video-channels`, { count: 100 })
}

export interface ChannelCreate {
  name: string
  displayName: string
  description?: string
  support?: string
}

export function createChannel (channel: ChannelCreate): Promise<{ videoChannel: { id: number } }> {
  return api.post(`/video-channels`, channel)
}

export function deleteChannel (handle: string): Promise<void> {
  return api.delete(`/video-channels/${enc(handle)}`)
}

export interface ChannelUpdate {
  displayName?: string
  description?: string | null
  support?: string | null
  bulkVideosSupportUpdate?: boolean
}

export function updateChannel (handle: string, update: ChannelUpdate): Promise<void> {
  return api.put<void>(`/video-channels/${enc(handle)}`, update)
}

/** Avatar or banner of a channel (multipart `avatarfile` / `bannerfile`). */
export function updateChannelImage (handle: string, kind: 'avatar' | 'banner', file: Blob, filename = `${kind}.png`): Promise<Record<string, ActorImage[]>> {
  const form = new FormData()
  form.append(`${kind}file`, file, filename)
  return apiRequest('POST', `/video-channels/${enc(handle)}/${kind}/pick`, { form })
}

export function deleteChannelImage (handle: string, kind: 'avatar' | 'banner'): Promise<void> {
  return api.delete(`/video-channels/${enc(handle)}/${kind}`)
}
