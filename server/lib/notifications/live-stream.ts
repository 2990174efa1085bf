import type { Response } from 'express'
import { loggerWithTags } from '../../helpers/logger.js'
import { NOTIFICATION_STREAM } from '../../initializers/constants/notifications.js'
import { formatNotification } from '../../models/user/formatters/notification-formatter.js'
import { loadNotificationsForPush } from '../../models/user/queries/notification-list-query.js'
import { UserNotificationModel } from '../../models/user/user-notification.js'

const log = loggerWithTags('notifications')

// Open clients of each user, as server-sent event streams: a new notification or a change of the unread count is
// written to them at once, so the web client never polls. Notifications are written by jobs of this same process.

const streams = new Map<number, Set<Response>>()
let heartbeat: NodeJS.Timeout | undefined

function write (res: Response, event: string, data: unknown) {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

/** Keeps `res` open as an event stream for the user; starts with the unread count. */
export async function openNotificationStream (userId: number, res: Response) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // One user's notifications: never kept by a cache (no-store), never rewritten by a proxy (no-transform).
    'Cache-Control': 'private, no-store, no-transform',
    Connection: 'keep-alive',
    // nginx would buffer the stream otherwise.
    'X-Accel-Buffering': 'no'
  })
  res.flushHeaders()

  const own = streams.get(userId) ?? new Set<Response>()
  streams.set(userId, own)
  own.add(res)
  // A user with many stale tabs: the oldest streams go.
  for (const old of [ ...own ].slice(0, Math.max(0, own.size - NOTIFICATION_STREAM.MAX_PER_USER))) old.end()

  res.on('close', () => {
    own.delete(res)
    if (own.size === 0) streams.delete(userId)
  })
  heartbeat ??= setInterval(() => {
    for (const set of streams.values()) for (const stream of set) stream.write(': keep-alive\n\n')
  }, NOTIFICATION_STREAM.HEARTBEAT_MS).unref()

  write(res, 'unread-count', { unreadCount: await UserNotificationModel.countUnread(userId) })
}

/** Sends freshly written notifications (by id) to their users' open clients, with the new unread count. */
export async function pushNotifications (ids: number[]) {
  if (ids.length === 0 || streams.size === 0) return
  try {
    const notifications = (await loadNotificationsForPush(ids)).filter(n => streams.has(n.userId as number))
    for (const notification of notifications) {
      const userId = notification.userId as number
      const unreadCount = await UserNotificationModel.countUnread(userId)
      for (const res of streams.get(userId) ?? []) write(res, 'notification', { notification: formatNotification(notification), unreadCount })
    }
  } catch (err) {
    // Clients catch up on their next reconnection or list request: a failed push loses nothing.
    log.warn('Cannot push notifications to open clients', { err })
  }
}

/** After notifications were read elsewhere (another tab, the API). */
export async function pushUnreadCount (userId: number) {
  const own = streams.get(userId)
  if (!own) return
  const unreadCount = await UserNotificationModel.countUnread(userId)
  for (const res of own) write(res, 'unread-count', { unreadCount })
}

/** At shutdown: open streams would keep the HTTP server from closing. */
export function closeNotificationStreams () {
  for (const set of streams.values()) for (const res of set) res.end()
  streams.clear()
  if (heartbeat) clearInterval(heartbeat)
  heartbeat = undefined
}
