// Moderation endpoints: abuse reports and their messages, account/server blocklists (mine and the instance's),
// video blocks and registration requests.
import type { ResultList } from '../../../shared/models/client-common.js'
import type {
  Abuse, AbuseCreate, AbuseMessage, AccountBlock, BlockStatus, ServerBlock, UserRegistration, UserRegistrationRequest, VideoBlock
} from '../../../shared/models/client-moderation.js'
import { api } from './http.js'

export interface AbuseListQuery {
  start?: number
  count?: number
  sort?: string
  state?: number
  filter?: string
  search?: string
  searchReporter?: string
  id?: number
}

export function reportAbuse (report: AbuseCreate): Promise<{ abuse: { id: number } }> {
  return api.post('/abuses', report)
}

export function listAbuses (query: AbuseListQuery = {}): Promise<ResultList<Abuse>> {
  return api.get<ResultList<Abuse>>('/abuses', { ...query })
}

export function listMyAbuses (query: { start?: number; count?: number; state?: number } = {}): Promise<ResultList<Abuse>> {
  return api.get<ResultList<Abuse>>('/users/me/abuses', { sort: '-createdAt', ...query })
}

export function updateAbuse (id: number, change: { state?: number; moderationComment?: string }): Promise<void> {
  return api.put<void>(`/abuses/${id}`, change)
}

export function deleteAbuse (id: number): Promise<void> {
  return api.delete(`/abuses/${id}`)
}

export function listAbuseMessages (id: number): Promise<ResultList<AbuseMessage>> {
  return api.get<ResultList<AbuseMessage>>(`/abuses/${id}/messages`)
}

export function addAbuseMessage (id: number, message: string): Promise<{ abuseMessage: { id: number } }> {
  return api.post(`/abuses/${id}/messages`, { message })
}

/** Mine (`me`) or the whole instance's (`server`, moderators). */
export type BlocklistScope = 'me' | 'server'

function blocklistPath (scope: BlocklistScope) {
  return scope === 'me' ? '/users/me/blocklist' : '/server/blocklist'
}

export function listAccountBlocks (scope: BlocklistScope, query: { start?: number; count?: number; search?: string } = {}): Promise<ResultList<AccountBlock>> {
  return api.get<ResultList<AccountBlock>>(`${blocklistPath(scope)}/accounts`, { sort: '-createdAt', ...query })
}

export function blockAccount (scope: BlocklistScope, accountName: string): Promise<void> {
  return api.post<void>(`${blocklistPath(scope)}/accounts`, { accountName })
}

export function unblockAccount (scope: BlocklistScope, accountName: string): Promise<void> {
  return api.delete(`${blocklistPath(scope)}/accounts/${encodeURIComponent(accountName)}`)
}

export function listServerBlocks (scope: BlocklistScope, query: { start?: number; count?: number; search?: string } = {}): Promise<ResultList<ServerBlock>> {
  return api.get<ResultList<ServerBlock>>(`${blocklistPath(scope)}/servers`, { sort: '-createdAt', ...query })
}

export function blockServer (scope: BlocklistScope, host: string): Promise<void> {
  return api.post<void>(`${blocklistPath(scope)}/servers`, { host })
}

export function unblockServer (scope: BlocklistScope, host: string): Promise<void> {
  return api.delete(`${blocklistPath(scope)}/servers/${encodeURIComponent(host)}`)
}

export function getBlockStatus (query: { accounts?: string[]; hosts?: string[] }): Promise<BlockStatus> {
  return api.get<BlockStatus>('/blocklist/status', { accounts: query.accounts, hosts: query.hosts })
}

export function listVideoBlocks (query: { start?: number; count?: number; type?: number; search?: string } = {}): Promise<ResultList<VideoBlock>> {
  return api.get<ResultList<VideoBlock>>('/videos/blacklist', { sort: '-createdAt', ...query })
}

export function blockVideo (id: string | number, body: { reason?: string; unfederate?: boolean }): Promise<void> {
  return api.post<void>(`/videos/${id}/blacklist`, body)
}

export function unblockVideo (id: string | number): Promise<void> {
  return api.delete(`/videos/${id}/blacklist`)
}

export function requestRegistration (request: UserRegistrationRequest): Promise<UserRegistration> {
  return api.post('/users/registrations/request', request, { auth: false })
}

export function listRegistrations (query: { start?: number; count?: number; search?: string } = {}): Promise<ResultList<UserRegistration>> {
  return api.get<ResultList<UserRegistration>>('/users/registrations', { sort: '-createdAt', ...query })
}

export function acceptRegistration (id: number, moderationResponse: string): Promise<void> {
  return api.post<void>(`/users/registrations/${id}/accept`, { moderationResponse })
}

export function rejectRegistration (id: number, moderationResponse: string): Promise<void> {
  return api.post<void>(`/users/registrations/${id}/reject`, { moderationResponse })
}

export function deleteRegistration (id: number): Promise<void> {
  return api.delete(`/users/registrations/${id}`)
}
