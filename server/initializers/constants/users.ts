import { UserRight, UserRole, type UserRightType, type UserRoleType } from '../../../shared/models/users.js'

export const USER_RIGHTS_BY_ROLE: Record<UserRoleType, readonly UserRightType[]> = {
  [UserRole.ADMINISTRATOR]: [ UserRight.ALL ],
  [UserRole.MODERATOR]: [
    UserRight.MANAGE_USERS,
    UserRight.SEE_ALL_VIDEOS,
    UserRight.UPDATE_ANY_VIDEO,
    UserRight.REMOVE_ANY_VIDEO,
    UserRight.REMOVE_ANY_VIDEO_CHANNEL,
    UserRight.REMOVE_ANY_VIDEO_COMMENT,
    UserRight.MANAGE_REGISTRATIONS,
    UserRight.MANAGE_ABUSES,
    UserRight.SEE_STATS,
    UserRight.SEE_ALL_COMMENTS,
    UserRight.MANAGE_ANY_VIDEO_COMMENT,
    UserRight.MANAGE_ACCOUNTS_BLOCKLIST,
    UserRight.MANAGE_SERVERS_BLOCKLIST,
    UserRight.MANAGE_VIDEO_BLACKLIST
  ],
  [UserRole.USER]: []
}

// PeerTube's username rules, so handles created here are valid there: lowercase letters, digits, '.', '_'.
export const USERNAME_PATTERN = /^[a-z0-9._]{1,50}$/
export const USER_PASSWORD_LENGTH = { min: 6, max: 255 }
// Test instances hash with the lowest cost: bcryptjs takes about 0.1 s of CPU per hash or login at 10, times every
// user and login of the test suite.
export const BCRYPT_COST = process.env.NODE_ENV === 'test' ? 4 : 10
