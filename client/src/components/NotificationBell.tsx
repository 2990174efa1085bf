// The top bar's link to the notifications with the unread count, kept current by the live stream.
import { useEffect } from 'preact/hooks'
import type { User } from '../../../shared/models/client-user.js'
import { t } from '../i18n/i18n.js'
import { startNotificationStream, unreadCountStore } from '../lib/notification-stream.js'
import { useStore } from '../lib/store.js'
import { Icon } from './Icon.js'

export function NotificationBell ({ user }: { user: User }) {
  const count = useStore(unreadCountStore)
  useEffect(() => startNotificationStream(), [user.id])
  const label = count ? t('notifications.bellUnread', { count }) : t('notifications.title')
  return (
    <a href="/my-account/notifications" class="icon-button notification-bell" data-testid="nav-notifications" aria-label={label} title={label}>
      <Icon name="bell" />
      {!!count && <span class="badge notification-count" data-testid="notification-count">{count > 99 ? '99+' : count}</span>}
    </a>
  )
}
