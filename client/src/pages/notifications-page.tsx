// /my-account/notifications: my notifications (new ones arrive live) and how I want to hear of each kind.
import { useEffect, useState } from 'preact/hooks'
import type { NotificationSettings, UserNotification } from '../../../shared/models/client-library.js'
import { listNotifications, markAllNotificationsRead, markNotificationsRead, updateNotificationSettings } from '../api/library.js'
import { getMe } from '../api/users.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { formatDateTime } from '../lib/format.js'
import { pushedNotificationStore } from '../lib/notification-stream.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'

const SETTING_LABELS: [ string, string ][] = [
  [ 'newVideoFromSubscription', 'New video from a channel I subscribed to' ],
  [ 'newCommentOnMyVideo', 'New comment on my video' ],
  [ 'commentMention', 'Someone mentions or answers me in a comment' ],
  [ 'newFollow', 'Someone follows my account or my channel' ],
  [ 'myVideoPublished', 'My video is published (transcoding finished)' ],
  [ 'myVideoTranscodingFailed', 'The transcoding of my video failed' ],
  [ 'blacklistOnMyVideo', 'My video is blocked or unblocked' ],
  [ 'abuseStateChange', 'A report I made was accepted or rejected' ],
  [ 'abuseNewMessage', 'New message on a report' ],
  [ 'abuseAsModerator', 'New report (moderators)' ],
  [ 'newUserRegistration', 'New sign-up or registration request (moderators)' ],
  [ 'newInstanceFollower', 'New instance follower (administrators)' ],
  [ 'autoInstanceFollowing', 'The instance followed another one back (administrators)' ]
]

/** What a notification says, and where it leads. */
export function describeNotification (n: UserNotification): { text: string; href?: string } {
  const watch = (v?: { uuid: string }) => (v ? `/videos/watch/${v.uuid}` : undefined)
  const who = (a?: { displayName: string; name: string; host: string }) => (a ? `${a.displayName} (${a.name}@${a.host})` : 'Someone')
  switch (n.type) {
    case 1: return { text: `${n.video?.channel?.displayName ?? 'A channel'} published a new video: ${n.video?.name}`, href: watch(n.video) }
    case 2: return { text: `${who(n.comment?.account)} commented on your video ${n.comment?.video?.name ?? ''}`, href: watch(n.comment?.video) }
    case 3: return { text: `New report #${n.abuse?.id}`, href: '/admin' }
    case 4: return { text: `Your video ${n.videoBlacklist?.video?.name ?? ''} was blocked`, href: watch(n.videoBlacklist?.video) }
    case 5: return { text: `Your video ${n.videoBlacklist?.video?.name ?? ''} was unblocked`, href: watch(n.videoBlacklist?.video) }
    case 6: return { text: `Your video ${n.video?.name} is published`, href: watch(n.video) }
    case 9: return { text: `${who(n.account)} signed up`, href: '/admin/users' }
    case 10: return { text: `${who(n.actorFollow?.follower)} follows ${n.actorFollow?.following.type === 'channel' ? 'your channel ' : ''}${n.actorFollow?.following.displayName ?? ''}` }
    case 11: return { text: `${who(n.comment?.account)} mentioned you on ${n.comment?.video?.name ?? 'a video'}`, href: watch(n.comment?.video) }
    case 13: return { text: `${n.actorFollow?.follower.host} follows your instance`, href: '/admin/follows' }
    case 14: return { text: `Your instance follows ${n.actorFollow?.following.host} back`, href: '/admin/follows' }
    case 15: return { text: `Your report #${n.abuse?.id} was ${n.abuse?.state === 3 ? 'accepted' : 'rejected'}` }
    case 16: return { text: `New message on report #${n.abuse?.id}` }
    case 20: return { text: `${n.registration?.username} asks to join the instance`, href: '/admin/users' }
    case 101: return { text: `The transcoding of ${n.video?.name} failed${n.reason ? `: ${n.reason}` : ''}`, href: '/my-library/videos' }
    default: return { text: `Notification of type ${n.type}` }
  }
}

function Settings ({ initial }: { initial: NotificationSettings }) {
  const [settings, setSettings] = useState(initial)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const toggle = async (key: string, bit: number) => {
    const next = { ...settings, [key]: (settings[key] ?? 0) ^ bit }
    setError(null)
    setSaved(false)
    try {
      await updateNotificationSettings({ [key]: next[key] })
      setSettings(next)
      setSaved(true)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section data-testid="notification-settings">
      <h2>How to tell me</h2>
      <ErrorAlert error={error} />
      {saved && <p class="muted" role="status" data-testid="notification-settings-saved">Saved.</p>}
      <table>
        <thead><tr><th>Event</th><th>Web</th><th>E-mail</th></tr></thead>
        <tbody>
          {SETTING_LABELS.map(([ key, label ]) => (
            <tr key={key}>
              <td>{label}</td>
              <td><input type="checkbox" aria-label={`${label}: in the web client`} checked={((settings[key] ?? 0) & 1) !== 0} onChange={() => toggle(key, 1)} data-testid={`setting-${key}-web`} /></td>
              <td><input type="checkbox" aria-label={`${label}: by e-mail`} checked={((settings[key] ?? 0) & 2) !== 0} onChange={() => toggle(key, 2)} data-testid={`setting-${key}-email`} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export default function NotificationsPage () {
  const list = useAsync(() => listNotifications({ count: 50 }), [])
  const me = useAsync(() => getMe() as Promise<unknown> as Promise<{ notificationSettings: NotificationSettings }>, [])
  const pushed = useStore(pushedNotificationStore)
  const [items, setItems] = useState<UserNotification[]>([])
  useEffect(() => { if (list.data) setItems(list.data.data) }, [list.data])
  useEffect(() => {
    if (pushed) setItems(current => (current.some(n => n.id === pushed.id) ? current : [ pushed, ...current ]))
  }, [pushed])

  const read = async (ids: number[]) => {
    await (ids.length ? markNotificationsRead(ids) : markAllNotificationsRead())
    setItems(current => current.map(n => (ids.length === 0 || ids.includes(n.id) ? { ...n, read: true } : n)))
  }

  return (
    <section data-testid="notifications-page">
      <h1>Notifications</h1>
      <p class="actions"><button type="button" onClick={() => read([])} data-testid="notifications-read-all">Mark all as read</button></p>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && <p class="muted" data-testid="empty-list">No notifications.</p>}
      <ul class="plain-list" data-testid="notifications">
        {items.map(n => {
          const { text, href } = describeNotification(n)
          return (
            <li key={n.id} class={n.read ? 'muted' : 'unread'} data-testid="notification" data-type={n.type} data-read={n.read ? 'true' : 'false'}>
              {href ? <a href={href} onClick={() => { if (!n.read) void read([ n.id ]) }}>{text}</a> : text}
              <span class="muted small"> · {formatDateTime(n.createdAt)}</span>
              {!n.read && <> <button type="button" class="link-button" onClick={() => read([ n.id ])} data-testid="notification-read">Mark read</button></>}
            </li>
          )
        })}
      </ul>
      {me.data && <Settings initial={me.data.notificationSettings} />}
    </section>
  )
}
