// /my-account/notifications: my notifications (new ones arrive live). How to hear of each kind is a section of
// My account (pages/account/notifications-section.tsx).
import { useEffect, useState } from 'preact/hooks'
import type { UserNotification } from '../../../../shared/models/client-library.js'
import { listNotifications, markAllNotificationsRead, markNotificationsRead } from '../../api/library.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { t, type MessageKey, type Params } from '../../i18n/i18n.js'
import { formatDateTime } from '../../lib/format.js'
import { pushedNotificationStore } from '../../lib/notification-stream.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'

type Described = { text: string; href?: string }

function said (key: MessageKey, params: Params, href?: string): Described {
  return { text: t(key, params), href }
}

/** What a notification says, and where it leads. */
export function describeNotification (n: UserNotification): Described {
  const watch = (v?: { uuid: string }) => (v ? `/videos/watch/${v.uuid}` : undefined)
  const who = (a?: { displayName: string; name: string; host: string }) => (a ? `${a.displayName} (${a.name}@${a.host})` : t('notifications.someone'))
  const video = (v?: { name: string }) => v?.name ?? t('notifications.aVideo')
  switch (n.type) {
    case 1: return said('notifications.type.newVideo', { channel: n.video?.channel?.displayName ?? t('notifications.aChannel'), video: video(n.video) }, watch(n.video))
    case 2: return said(n.comment?.heldForReview ? 'notifications.type.newHeldComment' : 'notifications.type.newComment', { who: who(n.comment?.account), video: video(n.comment?.video) }, watch(n.comment?.video))
    case 3: return said('notifications.type.newAbuse', { id: n.abuse?.id ?? '' }, '/admin/moderation/abuses')
    case 4: return said('notifications.type.blocked', { video: video(n.videoBlacklist?.video) }, watch(n.videoBlacklist?.video))
    case 5: return said('notifications.type.unblocked', { video: video(n.videoBlacklist?.video) }, watch(n.videoBlacklist?.video))
    case 6: return said('notifications.type.published', { video: video(n.video) }, watch(n.video))
    case 7: return said('notifications.type.importSuccess', { video: video(n.videoImport?.video) }, watch(n.videoImport?.video))
    case 8: return said('notifications.type.importError', { video: video(n.videoImport?.video) }, '/my-library/video-imports')
    case 9: return said('notifications.type.signedUp', { who: who(n.account) }, '/admin/users')
    case 10: return said(n.actorFollow?.following.type === 'channel' ? 'notifications.type.followsChannel' : 'notifications.type.followsAccount',
      { who: who(n.actorFollow?.follower), name: n.actorFollow?.following.displayName ?? '' })
    case 11: return said('notifications.type.mention', { who: who(n.comment?.account), video: video(n.comment?.video) }, watch(n.comment?.video))
    case 12: return said('notifications.type.autoBlocked', { video: video(n.videoBlacklist?.video) }, '/admin/moderation/video-blocks')
    case 13: return said('notifications.type.instanceFollower', { host: n.actorFollow?.follower.host ?? '' }, '/admin/follows')
    case 14: return said('notifications.type.autoFollowBack', { host: n.actorFollow?.following.host ?? '' }, '/admin/follows')
    case 15: return said(n.abuse?.state === 3 ? 'notifications.type.abuseAccepted' : 'notifications.type.abuseRejected', { id: n.abuse?.id ?? '' }, '/my-account/abuses')
    case 16: return said('notifications.type.abuseMessage', { id: n.abuse?.id ?? '' }, '/my-account/abuses')
    case 20: return said('notifications.type.registrationRequest', { username: n.registration?.username ?? '' }, '/admin/moderation/registrations')
    case 101: return said('notifications.type.transcodingFailed', { video: video(n.video) }, '/my-library/videos')
    default: return said('notifications.type.other', { type: n.type })
  }
}

export default function NotificationsPage () {
  const list = useAsync(() => listNotifications({ count: 50 }), [])
  const pushed = useStore(pushedNotificationStore)
  const [items, setItems] = useState<UserNotification[]>([])
  const [error, setError] = useState<unknown>(null)
  useEffect(() => { if (list.data) setItems(list.data.data) }, [list.data])
  useEffect(() => {
    if (pushed) setItems(current => (current.some(n => n.id === pushed.id) ? current : [ pushed, ...current ]))
  }, [pushed])

  const read = async (ids: number[]) => {
    setError(null)
    try {
      await (ids.length ? markNotificationsRead(ids) : markAllNotificationsRead())
      setItems(current => current.map(n => (ids.length === 0 || ids.includes(n.id) ? { ...n, read: true } : n)))
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section data-testid="notifications-page">
      <h1>{t('notifications.title')}</h1>
      <p class="actions">
        <button type="button" onClick={() => read([])} data-testid="notifications-read-all">{t('notifications.readAll')}</button>
        <a class="button" href="/my-account#notifications" data-testid="notification-preferences-link">{t('notifications.preferences')}</a>
      </p>
      <ErrorAlert error={list.error ?? error} />
      {list.data && items.length === 0 && <p class="muted" data-testid="empty-list">{t('notifications.empty')}</p>}
      <ul class="plain-list" data-testid="notifications">
        {items.map(n => {
          const { text, href } = describeNotification(n)
          return (
            <li key={n.id} class={n.read ? 'muted' : 'unread'} data-testid="notification" data-type={n.type} data-read={n.read ? 'true' : 'false'}>
              {href ? <a href={href} onClick={() => { if (!n.read) void read([ n.id ]) }}>{text}</a> : text}
              <span class="muted small"> · {formatDateTime(n.createdAt)}</span>
              {!n.read && <> <button type="button" class="link-button" onClick={() => read([ n.id ])} data-testid="notification-read">{t('notifications.markRead')}</button></>}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
