import { USER_ROLE_LABELS } from '../../../../shared/models/users.js'
import { formatAccount } from '../../account/formatters/account-formatter.js'
import { formatVideoChannel } from '../../account/formatters/video-channel-formatter.js'
import type { VideoChannelModel } from '../../account/video-channel.js'
import type { NotificationSettings } from '../../../../shared/models/notifications.js'
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../initializers/constants/notifications.js'
import type { UserModel } from '../user.js'

export interface UserQuotaFigures {
  videoQuotaUsed: number
  videoQuotaUsedDaily: number
}

/** PeerTube's `User` (admin views). Needs Account.Actor loaded. */
export function formatUser (user: UserModel, options: { channels?: VideoChannelModel[], quota?: UserQuotaFigures, notificationSettings?: NotificationSettings } = {}) {
  if (!user.Account) throw new Error('The user\'s account must be loaded to format it')

  return {
    id: user.id,
    username: user.username,
    email: user.email,
    theme: user.theme,
    pendingEmail: user.pendingEmail ?? null,
    emailPublic: false,
    emailVerified: user.emailVerified ?? null,
    nsfwPolicy: user.nsfwPolicy,
    p2pEnabled: user.p2pEnabled,
    videosHistoryEnabled: user.videosHistoryEnabled,
    autoPlayVideo: user.autoPlayVideo,
    autoPlayNextVideo: user.autoPlayNextVideo,
    autoPlayNextVideoPlaylist: user.autoPlayNextVideoPlaylist,
    videoLanguages: user.videoLanguages ?? null,
    role: { id: user.role, label: USER_ROLE_LABELS[user.role] },
    videoQuota: user.videoQuota,
    videoQuotaDaily: user.videoQuotaDaily,
    ...(options.quota ?? {}),
    noInstanceConfigWarningModal: user.noInstanceConfigWarningModal,
    noWelcomeModal: user.noWelcomeModal,
    noAccountSetupWarningModal: user.noAccountSetupWarningModal,
    blocked: user.blocked,
    blockedReason: user.blockedReason ?? null,
    adminFlags: user.adminFlags ?? 0,
    account: formatAccount(user.Account),
    notificationSettings: { ...(options.notificationSettings ?? DEFAULT_NOTIFICATION_SETTINGS) },
    videoChannels: (options.channels ?? []).map(formatVideoChannel),
    createdAt: user.createdAt,
    pluginAuth: null,
    lastLoginDate: user.lastLoginDate ?? null,
    twoFactorEnabled: false
  }
}

/** PeerTube's answer to GET /users/me: the admin view plus what only the user sees. */
export function formatMe (user: UserModel, channels: VideoChannelModel[], options: {
  notificationSettings?: NotificationSettings
  /** The user's "Watch later" and other special playlists. */
  specialPlaylists?: { id: number, name: string, type: number }[]
} = {}) {
  return {
    ...formatUser(user, { channels, notificationSettings: options.notificationSettings }),
    specialPlaylists: options.specialPlaylists ?? []
  }
}
