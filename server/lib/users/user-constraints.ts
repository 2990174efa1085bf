/** Length rules of user fields, PeerTube's, so what one instance accepts the other does too. */
export const USER_FIELD_LENGTHS = {
  displayName: { min: 1, max: 120 },
  description: { min: 3, max: 1000 },
  blockedReason: { min: 3, max: 250 },
  registrationReason: { min: 2, max: 3000 },
  moderationResponse: { min: 2, max: 3000 }
} as const

/** The account PeerTube never lets anyone delete, block or demote. */
export const ROOT_USERNAME = 'root'

/** The daily quota counts what was uploaded in this sliding window. */
export const DAILY_QUOTA_WINDOW_MS = 24 * 3600 * 1000
