// The sections of My account, in order. Another area adds one by appending an entry (e.g. notification
// preferences, order 60): { id, title, order, render }.
import type { ComponentChildren } from 'preact'
import type { User } from '../../../../shared/models/client-user.js'
import type { MessageKey } from '../../i18n/i18n.js'
import { DeleteAccountSection } from './delete-account-section.js'
import { EmailSection } from './email-section.js'
import { LanguageSection } from './language-section.js'
import { ModerationSection } from './moderation-section.js'
import { NotificationsSection } from './notifications-section.js'
import { PasswordSection } from './password-section.js'
import { PlaybackSection } from './playback-section.js'
import { ProfileSection } from './profile-section.js'

export interface AccountSection {
  /** The section's anchor (`/my-account#<id>`) and `data-testid="account-section-<id>"`. */
  id: string
  title: MessageKey
  /** Position (lower first); leave gaps so others can slot in. */
  order: number
  render: (user: User) => ComponentChildren
  visible?: (user: User) => boolean
}

export const ACCOUNT_SECTIONS: AccountSection[] = [
  { id: 'profile', title: 'account.profile.title', order: 10, render: user => <ProfileSection user={user} /> },
  { id: 'email', title: 'account.email.title', order: 20, render: user => <EmailSection user={user} /> },
  { id: 'password', title: 'account.password.title', order: 30, render: () => <PasswordSection /> },
  { id: 'playback', title: 'account.playback.title', order: 40, render: user => <PlaybackSection user={user} /> },
  { id: 'language', title: 'account.language.title', order: 50, render: () => <LanguageSection /> },
  { id: 'notifications', title: 'account.notifications.title', order: 60, render: user => <NotificationsSection user={user} /> },
  { id: 'moderation', title: 'account.moderation.title', order: 70, render: () => <ModerationSection /> },
  { id: 'delete', title: 'account.delete.title', order: 100, render: user => <DeleteAccountSection user={user} /> }
]
