import { listNotificationsForApi } from '../../models/user/queries/notification-list-query.js'
import { UserNotificationModel } from '../../models/user/user-notification.js'
import { pushUnreadCount } from './live-stream.js'

// A user's notifications as their owner reads them: the list, and marking them read (the live stream then gets
// the new unread count).

export function listNotificationsOf (userId: number, options: Parameters<typeof listNotificationsForApi>[1]) {
  return listNotificationsForApi(userId, options)
}

/** Those of these ids that are not notifications of this user. */
export function foreignNotificationIds (userId: number, ids: number[]) {
  return UserNotificationModel.findForeignIds(userId, ids)
}

export async function markNotificationsRead (userId: number, ids: number[]) {
  if (await UserNotificationModel.markRead(userId, ids) !== 0) await pushUnreadCount(userId)
}

export async function markAllNotificationsRead (userId: number) {
  if (await UserNotificationModel.markAllRead(userId) !== 0) await pushUnreadCount(userId)
}
