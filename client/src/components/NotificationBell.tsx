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
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {!!count && <span class="badge notification-count" data-testid="notification-count">{count > 99 ? '99+' : count}</span>}
    </a>
  )
}
