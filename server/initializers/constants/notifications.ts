import { UserNotificationSettingValue, type NotificationSettings } from '../../../shared/models/notifications.js'

const { WEB, EMAIL } = UserNotificationSettingValue

/**
 * A new user's settings, PeerTube's defaults: in the web client for what concerns them, by e-mail too for what a
 * moderator must act on.
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  newVideoFromSubscription: WEB,
  newCommentOnMyVideo: WEB,
  abuseAsModerator: WEB | EMAIL,
  videoAutoBlacklistAsModerator: WEB | EMAIL,
  blacklistOnMyVideo: WEB | EMAIL,
  myVideoPublished: WEB,
  myVideoImportFinished: WEB,
  newUserRegistration: WEB,
  newFollow: WEB,
  commentMention: WEB,
  newInstanceFollower: WEB,
  autoInstanceFollowing: WEB,
  abuseNewMessage: WEB | EMAIL,
  abuseStateChange: WEB | EMAIL,
  newPeerTubeVersion: WEB | EMAIL,
  newPluginVersion: WEB,
  myVideoStudioEditionFinished: WEB,
  myVideoTranscriptionGenerated: WEB,
  myVideoTranscodingFailed: WEB | EMAIL
}

export const NOTIFICATION_STREAM = {
  /** A comment line this often keeps proxies from closing an idle event stream. */
  HEARTBEAT_MS: 25_000,
  /** Open streams per user (tabs): older ones are closed beyond this. */
  MAX_PER_USER: 10
} as const
