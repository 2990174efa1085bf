// /api/v1/users: the signed-in user and, for admins/moderators, user management.
import type { ActorImage, ResultList } from '../../../shared/models/client-common.js'
import type { User, UserCreate, UserQuotaUsed, UserRegister, UserUpdate, UserUpdateMe } from '../../../shared/models/client-user.js'
import { api, apiRequest } from './http.js'

export function getMe (): Promise<User> {
  return api.get<User>('/users/me')
}

export function getMyQuotaUsed (): Promise<UserQuotaUsed> {
  return api.get<UserQuotaUsed>('/users/me/video-quota-used')
}

export function updateMe (update: UserUpdateMe): Promise<void> {
  return api.put<void>('/users/me', update)
}

/** Deletes the signed-in user's account, with its videos and channels. */
export function deleteMe (): Promise<void> {
  return api.delete('/users/me')
}

export function updateMyAvatar (file: Blob, filename = 'avatar.png'): Promise<{ avatars: ActorImage[] }> {
  const form = new FormData()
  form.append('avatarfile', file, filename)
  return apiRequest('POST', '/users/me/avatar/pick', { form })
}

export function deleteMyAvatar (): Promise<void> {
  return api.delete('/users/me/avatar')
}

/** Direct sign-up (no approval needed): the account exists at once. */
export function registerUser (body: UserRegister): Promise<void> {
  return api.post<void>('/users/register', body, { auth: false })
}

/** Sign-up request, for a moderator to accept. */
export function requestRegistration (body: UserRegister & { registrationReason: string }): Promise<unknown> {
  return api.post('/users/registrations/request', body, { auth: false })
}

/** The API documents an array but real servers reply `{ total, data }`; accept both. */
export async function listUsers (query: { start?: number; count?: number; sort?: string; search?: string } = {}): Promise<ResultList<User>> {
  const reply = await api.get<ResultList<User> | User[]>('/users', query)
  return Array.isArray(reply) ? { total: reply.length, data: reply } : reply
}

export function createUser (user: UserCreate): Promise<{ user: { id: number } }> {
  return api.post('/users', user)
}

export function updateUser (id: number, update: UserUpdate): Promise<void> {
  return api.put<void>(`/users/${id}`, update)
}

export function deleteUser (id: number): Promise<void> {
  return api.delete(`/users/${id}`)
}

export function blockUser (id: number, reason?: string): Promise<void> {
  return api.post<void>(`/users/${id}/block`, reason ? { reason } : {})
}

export function unblockUser (id: number): Promise<void> {
  return api.post<void>(`/users/${id}/unblock`, {})
}
