// My account, "Notifications": how to hear of each kind of event, on the web (the top bar's count and the list)
// and by e-mail. Each change is saved at once.
import { useState } from 'preact/hooks'
import type { NotificationSettings } from '../../../../shared/models/client-library.js'
import type { User } from '../../../../shared/models/client-user.js'
import { updateNotificationSettings } from '../../api/library.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { t, type MessageKey } from '../../i18n/i18n.js'
import { configStore, isAdmin, isModeratorOrAdmin, refreshUser } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'

type Audience = 'everyone' | 'moderators' | 'administrators'

/** PeerTube's setting names, with who can receive each. */
const SETTINGS: { key: string; label: MessageKey; audience: Audience }[] = [
  { key: 'newVideoFromSubscription', label: 'notifications.setting.newVideoFromSubscription', audience: 'everyone' },
  { key: 'newCommentOnMyVideo', label: 'notifications.setting.newCommentOnMyVideo', audience: 'everyone' },
  { key: 'commentMention', label: 'notifications.setting.commentMention', audience: 'everyone' },
  { key: 'newFollow', label: 'notifications.setting.newFollow', audience: 'everyone' },
  { key: 'myVideoPublished', label: 'notifications.setting.myVideoPublished', audience: 'everyone' },
  { key: 'myVideoTranscodingFailed', label: 'notifications.setting.myVideoTranscodingFailed', audience: 'everyone' },
  { key: 'blacklistOnMyVideo', label: 'notifications.setting.blacklistOnMyVideo', audience: 'everyone' },
  { key: 'abuseStateChange', label: 'notifications.setting.abuseStateChange', audience: 'everyone' },
  { key: 'abuseNewMessage', label: 'notifications.setting.abuseNewMessage', audience: 'everyone' },
  { key: 'abuseAsModerator', label: 'notifications.setting.abuseAsModerator', audience: 'moderators' },
  { key: 'videoAutoBlacklistAsModerator', label: 'notifications.setting.videoAutoBlacklistAsModerator', audience: 'moderators' },
  { key: 'newUserRegistration', label: 'notifications.setting.newUserRegistration', audience: 'moderators' },
  { key: 'newInstanceFollower', label: 'notifications.setting.newInstanceFollower', audience: 'administrators' },
  { key: 'autoInstanceFollowing', label: 'notifications.setting.autoInstanceFollowing', audience: 'administrators' }
]

const WEB = 1
const EMAIL = 2

export function NotificationsSection ({ user }: { user: User }) {
  const config = useStore(configStore)
  const [settings, setSettings] = useState<NotificationSettings>(user.notificationSettings ?? {})
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const emailEnabled = config?.email?.enabled === true
  const shown = SETTINGS.filter(s => s.audience === 'everyone' || (s.audience === 'moderators' ? isModeratorOrAdmin(user) : isAdmin(user)))

  const toggle = async (key: string, bit: number) => {
    const value = (settings[key] ?? 0) ^ bit
    setError(null)
    setSaved(false)
    try {
      await updateNotificationSettings({ [key]: value })
      setSettings(current => ({ ...current, [key]: value }))
      setSaved(true)
      // The session's copy of the user feeds this section next time the page opens.
      void refreshUser()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <div data-testid="notification-settings">
      <p class="muted">{t('notifications.settingsHint')} <a href="/my-account/notifications">{t('notifications.seeList')}</a></p>
      {!emailEnabled && <p class="muted small" data-testid="notification-email-off">{t('notifications.emailOff')}</p>}
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{t('notifications.event')}</th><th>{t('notifications.web')}</th><th>{t('notifications.email')}</th></tr></thead>
          <tbody>
            {shown.map(({ key, label }) => (
              <tr key={key}>
                <td>{t(label)}</td>
                <td><input type="checkbox" aria-label={t('notifications.onWeb', { event: t(label) })} checked={((settings[key] ?? 0) & WEB) !== 0}
                  onChange={() => toggle(key, WEB)} data-testid={`setting-${key}-web`} /></td>
                <td><input type="checkbox" aria-label={t('notifications.byEmail', { event: t(label) })} checked={((settings[key] ?? 0) & EMAIL) !== 0}
                  onChange={() => toggle(key, EMAIL)} data-testid={`setting-${key}-email`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {saved && <p class="success" role="status" data-testid="notification-settings-saved">{t('common.saved')}</p>}
      <ErrorAlert error={error} testId="notification-settings-error" />
    </div>
  )
}
