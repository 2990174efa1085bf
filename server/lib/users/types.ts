import type { NSFWPolicy, UserRoleType } from '../../../shared/models/users.js'

// What the user operations take, in the domain's terms. The HTTP layer's schemas (middlewares/validation/users.ts)
// produce values of these types; tsc checks it where a controller passes one in.

/** A user's own changes (`PUT /users/me`); undefined leaves a value as it is. */
export interface UpdateMeInput {
  password?: string
  currentPassword?: string
  email?: string
  displayName?: string
  description?: string | null
  nsfwPolicy?: NSFWPolicy
  p2pEnabled?: boolean
  autoPlayVideo?: boolean
  autoPlayNextVideo?: boolean
  autoPlayNextVideoPlaylist?: boolean
  videosHistoryEnabled?: boolean
  videoLanguages?: string[] | null
  theme?: string
  noInstanceConfigWarningModal?: boolean
  noWelcomeModal?: boolean
  noAccountSetupWarningModal?: boolean
}

/** A moderator's changes to a user. */
export interface UpdateUserInput {
  email?: string
  emailVerified?: boolean
  videoQuota?: number
  videoQuotaDaily?: number
  role?: UserRoleType
  password?: string
  adminFlags?: number
}

/** A sign-up request waiting for a moderator. */
export interface RegistrationRequestInput {
  username: string
  password: string
  email: string
  displayName?: string
  channel?: { name: string, displayName: string }
  registrationReason: string
}
