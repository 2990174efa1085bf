/**
 * PeerTube's notification types (UserNotificationType), which clients switch on, plus ours above 100 for events
 * PeerTube has no type for. A client that does not know a type shows nothing for it.
 */
export const UserNotificationType = {
  NEW_VIDEO_FROM_SUBSCRIPTION: 1,
  NEW_COMMENT_ON_MY_VIDEO: 2,
  NEW_ABUSE_FOR_MODERATORS: 3,
  BLACKLIST_ON_MY_VIDEO: 4,
  UNBLACKLIST_ON_MY_VIDEO: 5,
  MY_VIDEO_PUBLISHED: 6,
  MY_VIDEO_IMPORT_SUCCESS: 7,
  MY_VIDEO_IMPORT_ERROR: 8,
  NEW_USER_REGISTRATION: 9,
  NEW_FOLLOW: 10,
  COMMENT_MENTION: 11,
  VIDEO_AUTO_BLACKLIST_FOR_MODERATORS: 12,
  NEW_INSTANCE_FOLLOWER: 13,
  AUTO_INSTANCE_FOLLOWING: 14,
  ABUSE_STATE_CHANGE: 15,
  ABUSE_NEW_MESSAGE: 16,
  NEW_PLUGIN_VERSION: 17,
  NEW_PEERTUBE_VERSION: 18,
  MY_VIDEO_STUDIO_EDITION_FINISHED: 19,
  NEW_USER_REGISTRATION_REQUEST: 20,
  NEW_LIVE_FROM_SUBSCRIPTION: 21,
  MY_VIDEO_TRANSCRIPTION_GENERATED: 22,
  /** Ours: the last transcoding attempt of one of my videos failed. */
  MY_VIDEO_TRANSCODING_FAILED: 101
} as const
export type UserNotificationTypeValue = typeof UserNotificationType[keyof typeof UserNotificationType]

/** A setting is a sum of these: 0 nothing, 1 in the web client, 2 by e-mail, 3 both. */
export const UserNotificationSettingValue = {
  NONE: 0,
  WEB: 1,
  EMAIL: 2
} as const

/** PeerTube's setting names (`notificationSettings` of /users/me), plus ours (myVideoTranscodingFailed). */
export const NOTIFICATION_SETTING_KEYS = [
  'newVideoFromSubscription',
  'newCommentOnMyVideo',
  'abuseAsModerator',
  'videoAutoBlacklistAsModerator',
  'blacklistOnMyVideo',
  'myVideoPublished',
  'myVideoImportFinished',
  'newUserRegistration',
  'newFollow',
  'commentMention',
  'newInstanceFollower',
  'autoInstanceFollowing',
  'abuseNewMessage',
  'abuseStateChange',
  'newPeerTubeVersion',
  'newPluginVersion',
  'myVideoStudioEditionFinished',
  'myVideoTranscriptionGenerated',
  'myVideoTranscodingFailed'
] as const
export type NotificationSettingKey = typeof NOTIFICATION_SETTING_KEYS[number]
export type NotificationSettings = Record<NotificationSettingKey, number>
