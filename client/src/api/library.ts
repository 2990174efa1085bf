// The viewer's library: subscriptions and their feed, history, notifications, and remote catalogue syncs.
import type { ResultList } from '../../../shared/models/client-common.js'
import type { CatalogueSync, NotificationSettings, UserNotification } from '../../../shared/models/client-library.js'
import type { VideoChannel } from '../../../shared/models/client-user.js'
import type { Video } from '../../../shared/models/client-video.js'
import { api } from './http.js'

const enc = encodeURIComponent

export type HistoryVideo = Video & { userHistory?: { currentTime: number } }

export function listSubscriptionVideos (query: { start?: number; count?: number; sort?: string; nsfw?: string } = {}) {
  return api.get<ResultList<HistoryVideo>>('/users/me/subscriptions/videos', { sort: '-publishedAt', ...query })
}

export function listSubscriptions (query: { start?: number; count?: number } = {}) {
  return api.get<ResultList<VideoChannel>>('/users/me/subscriptions', { count: 100, ...query })
}

/** A handle (name@host) or a channel URL. */
export function subscribe (uri: string) {
  return api.post<void>('/users/me/subscriptions', { uri })
}

export function unsubscribe (handle: string) {
  return api.delete(`/users/me/subscriptions/${enc(handle)}`)
}

export async function isSubscribed (handle: string) {
  const reply = await api.get<Record<string, boolean>>('/users/me/subscriptions/exist', { uris: [ handle ] })
  return reply[handle] === true
}

export function getCatalogueSync (handle: string) {
  return api.get<CatalogueSync>(`/video-channels/${enc(handle)}/catalogue-sync`)
}

export function listHistory (query: { start?: number; count?: number; search?: string } = {}) {
  return api.get<ResultList<HistoryVideo>>('/users/me/history/videos', query)
}

export function removeFromHistory (videoId: number) {
  return api.delete(`/users/me/history/videos/${videoId}`)
}

export function clearHistory () {
  return api.post<void>('/users/me/history/videos/remove', {})
}

/** Where the player is: the next visit resumes there (when the user keeps a history). */
export function reportWatching (videoId: string | number, currentTime: number) {
  return api.put<void>(`/videos/${enc(String(videoId))}/watching`, { currentTime: Math.floor(currentTime) })
}

export function listNotifications (query: { start?: number; count?: number; unread?: boolean } = {}) {
  return api.get<ResultList<UserNotification>>('/users/me/notifications', query)
}

export function markNotificationsRead (ids: number[]) {
  return api.post<void>('/users/me/notifications/read', { ids })
}

export function markAllNotificationsRead () {
  return api.post<void>('/users/me/notifications/read-all', {})
}

export function updateNotificationSettings (settings: Partial<NotificationSettings>) {
  return api.put<void>('/users/me/notification-settings', settings)
}
