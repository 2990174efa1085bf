// Instance endpoints: public config, custom config, stats, follows, jobs.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { AboutConfig, CustomConfig, DeliveryHealth, Follow, IdentityConflict, IdentityConflictKind, Job, JobState, RTCIceServerLike, ServerConfig, ServerStats } from '../../../shared/models/client-server.js'
import { api } from './http.js'

export function getConfig (): Promise<ServerConfig> {
  return api.get<ServerConfig>('/config', undefined, { auth: false })
}

/** ICE servers for browser WebRTC, wherever this server version publishes them; none by default. */
export function iceServersFrom (config: ServerConfig | null | undefined): RTCIceServer[] {
  const candidates: unknown[] = [config?.tracker?.iceServers, config?.p2p?.iceServers]
  for (const list of candidates) {
    if (Array.isArray(list)) return list.filter(isIceServer) as RTCIceServer[]
  }
  return []
}

function isIceServer (value: unknown): value is RTCIceServerLike {
  if (!value || typeof value !== 'object') return false
  const urls = (value as RTCIceServerLike).urls
  return typeof urls === 'string' || (Array.isArray(urls) && urls.every(u => typeof u === 'string'))
}

export function getAbout (): Promise<AboutConfig> {
  return api.get<AboutConfig>('/config/about', undefined, { auth: false })
}

export function getCustomConfig (): Promise<CustomConfig> {
  return api.get<CustomConfig>('/config/custom')
}

export function updateCustomConfig (config: CustomConfig): Promise<CustomConfig> {
  return api.put<CustomConfig>('/config/custom', config)
}

export function getServerStats (): Promise<ServerStats> {
  return api.get<ServerStats>('/server/stats')
}

interface ListQuery { start?: number; count?: number; sort?: string; state?: 'pending' | 'accepted' }

export function listFollowing (query: ListQuery = {}): Promise<ResultList<Follow>> {
  return api.get<ResultList<Follow>>('/server/following', { ...query })
}

export function listFollowers (query: ListQuery = {}): Promise<ResultList<Follow>> {
  return api.get<ResultList<Follow>>('/server/followers', { ...query })
}

/** Follow whole instances (hosts) and/or single accounts or channels (handles `name@host`). */
export function follow (targets: { hosts?: string[]; handles?: string[] }): Promise<void> {
  return api.post<void>('/server/following', targets)
}

export function unfollow (hostOrHandle: string): Promise<void> {
  return api.delete(`/server/following/${encodeURIComponent(hostOrHandle)}`)
}

export function acceptFollower (nameWithHost: string): Promise<void> {
  return api.post<void>(`/server/followers/${encodeURIComponent(nameWithHost)}/accept`)
}

export function rejectFollower (nameWithHost: string): Promise<void> {
  return api.post<void>(`/server/followers/${encodeURIComponent(nameWithHost)}/reject`)
}

export function removeFollower (nameWithHost: string): Promise<void> {
  return api.delete(`/server/followers/${encodeURIComponent(nameWithHost)}`)
}

export function getDeliveryHealth (): Promise<DeliveryHealth> {
  return api.get<DeliveryHealth>('/server/delivery-health')
}

export function retryParkedDeliveries (host: string): Promise<{ released: number }> {
  return api.post<{ released: number }>(`/server/delivery-health/${encodeURIComponent(host)}/retry`)
}

export function retryJob (job: Pick<Job, 'type' | 'id'>): Promise<void> {
  return api.post<void>(`/jobs/${encodeURIComponent(job.type)}/${encodeURIComponent(String(job.id))}/retry`)
}

export function listJobs (state: JobState | '', query: { jobType?: string; start?: number; count?: number; sort?: string } = {}): Promise<ResultList<Job>> {
  return api.get<ResultList<Job>>(state ? `/jobs/${state}` : '/jobs', { sort: '-createdAt', ...query })
}

/** Gives a contested uuid to one of the two origins of a conflict (the claimant's: the videos swap uuids). */
export function chooseIdentityConflictHolder (id: number, holderUrl: string): Promise<IdentityConflict> {
  return api.put<IdentityConflict>(`/server/identity-conflicts/${id}/holder`, { holderUrl })
}

export function listIdentityConflicts (query: { kind?: IdentityConflictKind; start?: number; count?: number } = {}): Promise<ResultList<IdentityConflict>> {
  return api.get<ResultList<IdentityConflict>>('/server/identity-conflicts', { ...query })
}
