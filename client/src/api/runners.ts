// Remote runners (admin): registration tokens, runners, runner jobs.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { Runner, RunnerJobAdmin, RunnerRegistrationToken } from '../../../shared/models/runners.js'
import { api } from './http.js'

export function listRegistrationTokens (): Promise<ResultList<RunnerRegistrationToken>> {
  return api.get<ResultList<RunnerRegistrationToken>>('/runners/registration-tokens', { count: 100, sort: '-createdAt' })
}

export function generateRegistrationToken (): Promise<void> {
  return api.post<void>('/runners/registration-tokens/generate')
}

export function deleteRegistrationToken (id: number): Promise<void> {
  return api.delete<void>(`/runners/registration-tokens/${id}`)
}

export function listRunners (): Promise<ResultList<Runner>> {
  return api.get<ResultList<Runner>>('/runners', { count: 100, sort: '-createdAt' })
}

export function updateRunner (id: number, changes: { trusted?: boolean; enabled?: boolean }): Promise<void> {
  return api.put<void>(`/runners/${id}`, changes)
}

export function deleteRunner (id: number): Promise<void> {
  return api.delete<void>(`/runners/${id}`)
}

export function listRunnerJobs (query: { start?: number; count?: number; search?: string; stateOneOf?: number[] } = {}): Promise<ResultList<RunnerJobAdmin>> {
  return api.get<ResultList<RunnerJobAdmin>>('/runners/jobs', { count: 20, sort: '-updatedAt', ...query })
}

export function cancelRunnerJob (uuid: string): Promise<void> {
  return api.post<void>(`/runners/jobs/${uuid}/cancel`)
}

export function deleteRunnerJob (uuid: string): Promise<void> {
  return api.delete<void>(`/runners/jobs/${uuid}`)
}
