/** Same numbers as PeerTube's UserRole, which clients compare against. */
export const UserRole = {
  ADMINISTRATOR: 0,
  MODERATOR: 1,
  USER: 2
} as const
export type UserRoleType = typeof UserRole[keyof typeof UserRole]

export const USER_ROLE_LABELS: Record<UserRoleType, string> = {
  0: 'Administrator',
  1: 'Moderator',
  2: 'User'
}

/** What a role may do. Handlers ask for a right, never for a role, so the mapping lives only here. */
export const UserRight = {
  ALL: 0,
  MANAGE_USERS: 1,
  MANAGE_SERVER_FOLLOW: 2,
  MANAGE_JOBS: 3,
  MANAGE_CONFIGURATION: 4,
  SEE_ALL_VIDEOS: 5,
  UPDATE_ANY_VIDEO: 6,
  REMOVE_ANY_VIDEO: 7,
  REMOVE_ANY_VIDEO_CHANNEL: 8,
  REMOVE_ANY_VIDEO_COMMENT: 9,
  MANAGE_REGISTRATIONS: 10,
  MANAGE_ABUSES: 11,
  SEE_STATS: 12,
  /** The instance's comments list, and comments held for approval on any video. */
  SEE_ALL_COMMENTS: 13,
  /** Approve or delete any comment. */
  MANAGE_ANY_VIDEO_COMMENT: 14,
  MANAGE_ACCOUNTS_BLOCKLIST: 15,
  MANAGE_SERVERS_BLOCKLIST: 16,
  MANAGE_VIDEO_BLACKLIST: 17,
  MANAGE_RUNNERS: 18
} as const
export type UserRightType = typeof UserRight[keyof typeof UserRight]

export const NSFW_POLICIES = [ 'display', 'blur', 'do_not_list' ] as const
export type NSFWPolicy = typeof NSFW_POLICIES[number]
