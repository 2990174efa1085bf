import { USER_ROLE_LABELS } from '../../../../shared/models/users.js'
import { formatAccount } from '../../account/formatters/account-formatter.js'
import { formatVideoChannel } from '../../account/formatters/video-channel-formatter.js'
import type { VideoChannelModel } from '../../account/video-channel.js'
import type { UserModel } from '../user.js'

/** Notification preferences of a new PeerTube user (1: web, 3: web and email). We do not notify yet; clients read them. */
const DEFAULT_NOTIFICATION_SETTINGS = {
  newCommentOnMyVideo: 1,
  newVideoFromSubscription: 1,
  abuseAsModerator: 3,
  videoAutoBlacklistAsModerator: 3,
  blacklistOnMyVideo: 3,
  myVideoPublished: 1,
  myVideoImportFinished: 1,
  newUserRegistration: 1,
  commentMention: 1,
  newFollow: 1,
  newInstanceFollower: 1,
  autoInstanceFollowing: 1,
  abuseNewMessage: 3,
  abuseStateChange: 3,
  newPeerTubeVersion: 3,
  myVideoStudioEditionFinished: 1,
  myVideoTranscriptionGenerated: 1,
  newPluginVersion: 1
}

export interface UserQuotaFigures {
  videoQuotaUsed: number
  videoQuotaUsedDaily: number
}

/** PeerTube's `User` (admin views). Needs Account.Actor loaded. */
export function formatUser (user: UserModel, options: { channels?: VideoChannelModel[], quota?: UserQuotaFigures } = {}) {
  if (!user.Account) throw new Error('The user\'s account must be loaded to format it')

  return {
    id: user.id,
    username: user.username,
    email: user.email,
    theme: user.theme,
    pendingEmail: null,
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
    notificationSettings: { ...DEFAULT_NOTIFICATION_SETTINGS },
    videoChannels: (options.channels ?? []).map(formatVideoChannel),
    createdAt: user.createdAt,
    pluginAuth: null,
    lastLoginDate: user.lastLoginDate ?? null,
    twoFactorEnabled: false
  }
}

/** PeerTube's answer to GET /users/me: the admin view plus what only the user sees. */
export function formatMe (user: UserModel, channels: VideoChannelModel[]) {
  return {
    ...formatUser(user, { channels }),
    // Playlists (and their "Watch later") are not implemented: none to list.
    specialPlaylists: [] as unknown[]
  }
}
