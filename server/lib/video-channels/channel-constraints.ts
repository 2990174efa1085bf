/** Channel handles may use more characters than usernames (PeerTube's usernameChannel rule). */
export const VIDEO_CHANNEL_NAME_PATTERN = /^[a-zA-Z0-9\-_.:]{1,50}$/

export const VIDEO_CHANNEL_FIELD_LENGTHS = {
  displayName: { min: 1, max: 120 },
  description: { min: 3, max: 1000 },
  support: { min: 3, max: 1000 }
} as const

/** PeerTube's default video_channels.max_per_user. */
export const MAX_VIDEO_CHANNELS_PER_USER = 20
