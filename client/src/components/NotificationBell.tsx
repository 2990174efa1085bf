// Header link to the notifications with the unread count, kept current by the live stream.
import { useEffect } from 'preact/hooks'
import type { User } from '../../../shared/models/client-user.js'
import { startNotificationStream, unreadCountStore } from '../lib/notification-stream.js'
import { useStore } from '../lib/store.js'

export function NotificationBell ({ user }: { user: User }) {
  const count = useStore(unreadCountStore)
  useEffect(() => startNotificationStream(), [user.id])
  const label = count ? `Notifications (${count} unread)` : 'Notifications'
  return (
    <a href="/my-account/notifications" class="notification-bell" data-testid="nav-notifications" aria-label={label} title={label}>
      <span aria-hidden="true">🔔</span>
      {!!count && <span class="badge notification-count" data-testid="notification-count">{count > 99 ? '99+' : count}</span>}
    </a>
  )
}
