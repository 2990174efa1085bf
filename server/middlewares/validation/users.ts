import { z } from 'zod'
import { NSFW_POLICIES, UserRole, type UserRoleType } from '../../../shared/models/users.js'
import { USER_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../initializers/constants/users.js'
import { USER_FIELD_LENGTHS } from '../../lib/users/user-constraints.js'
import { VIDEO_CHANNEL_NAME_PATTERN } from '../../lib/video-channels/channel-constraints.js'
import { paginationQuery, queryBoolean } from './fields.js'

// Field schemas shared by user creation, registration, /users/me and admin updates. Messages name the rule,
// since clients show them next to the field.

/** JSON clients send numbers; forms and some apps send digit strings. Anything else stays invalid. */
const integerLike = (message: string) => z.preprocess(
  value => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value),
  z.number({ message }).int({ message })
)

export const usernameField = z.string({ message: 'Should have a username' })
  .regex(USERNAME_PATTERN, 'Should have a valid username: 1 to 50 lowercase letters, digits, "." or "_"')

export const channelNameField = z.string({ message: 'Should have a channel name' })
  .regex(VIDEO_CHANNEL_NAME_PATTERN, 'Should have a valid channel name: 1 to 50 letters, digits, "-", "_", "." or ":"')

export const passwordField = z.string({ message: 'Should have a password' })
  .min(USER_PASSWORD_LENGTH.min, `Should have a password of ${USER_PASSWORD_LENGTH.min} to ${USER_PASSWORD_LENGTH.max} characters`)
  .max(USER_PASSWORD_LENGTH.max, `Should have a password of ${USER_PASSWORD_LENGTH.min} to ${USER_PASSWORD_LENGTH.max} characters`)

export const emailField = z.email({ message: 'Should have a valid email' }).max(400, 'Should have a valid email')

export const displayNameField = z.string({ message: 'Should have a display name' })
  .trim()
  .min(USER_FIELD_LENGTHS.displayName.min, `Should have a display name of ${USER_FIELD_LENGTHS.displayName.min} to ${USER_FIELD_LENGTHS.displayName.max} characters`)
  .max(USER_FIELD_LENGTHS.displayName.max, `Should have a display name of ${USER_FIELD_LENGTHS.displayName.min} to ${USER_FIELD_LENGTHS.displayName.max} characters`)

export const roleField = integerLike('Should have a valid role (0, 1 or 2)')
  .refine(value => Object.values(UserRole).includes(value as UserRoleType), 'Should have a valid role (0, 1 or 2)')
  .transform(value => value as UserRoleType)

export const videoQuotaField = integerLike('Should have a valid video quota (bytes, or -1 for unlimited)')
  .refine(value => value >= -1, 'Should have a valid video quota (bytes, or -1 for unlimited)')

export const videoQuotaDailyField = integerLike('Should have a valid daily video quota (bytes, or -1 for unlimited)')
  .refine(value => value >= -1, 'Should have a valid daily video quota (bytes, or -1 for unlimited)')

export const adminFlagsField = integerLike('Should have valid admin flags (0, or 1 to bypass the video auto-block)')
  .refine(value => value === 0 || value === 1, 'Should have valid admin flags (0, or 1 to bypass the video auto-block)')

export const nsfwPolicyField = z.enum(NSFW_POLICIES, { message: `Should have a NSFW policy among: ${NSFW_POLICIES.join(', ')}` })

export const userIdParams = z.object({
  id: z.coerce.number({ message: 'Should have a valid user id' }).int('Should have a valid user id').positive('Should have a valid user id')
})

export const addUserBody = z.object({
  username: usernameField,
  password: passwordField,
  email: emailField,
  role: roleField,
  videoQuota: videoQuotaField.optional(),
  videoQuotaDaily: videoQuotaDailyField.optional(),
  channelName: channelNameField.optional(),
  adminFlags: adminFlagsField.optional()
})

export const updateUserBody = z.object({
  email: emailField.optional(),
  emailVerified: z.boolean({ message: 'Should have a boolean emailVerified' }).optional(),
  videoQuota: videoQuotaField.optional(),
  videoQuotaDaily: videoQuotaDailyField.optional(),
  role: roleField.optional(),
  password: passwordField.optional(),
  adminFlags: adminFlagsField.optional()
})

export const updateMeBody = z.object({
  password: passwordField.optional(),
  currentPassword: z.string({ message: 'Should have a current password' }).optional(),
  email: emailField.optional(),
  displayName: displayNameField.optional(),
  description: z.string().max(USER_FIELD_LENGTHS.description.max, `Should have a description of at most ${USER_FIELD_LENGTHS.description.max} characters`)
    .nullable().optional(),
  nsfwPolicy: nsfwPolicyField.optional(),
  p2pEnabled: z.boolean({ message: 'Should have a boolean p2pEnabled' }).optional(),
  autoPlayVideo: z.boolean({ message: 'Should have a boolean autoPlayVideo' }).optional(),
  autoPlayNextVideo: z.boolean({ message: 'Should have a boolean autoPlayNextVideo' }).optional(),
  autoPlayNextVideoPlaylist: z.boolean({ message: 'Should have a boolean autoPlayNextVideoPlaylist' }).optional(),
  videosHistoryEnabled: z.boolean({ message: 'Should have a boolean videosHistoryEnabled' }).optional(),
  videoLanguages: z.array(z.string().min(1).max(10), { message: 'Should have an array of language codes' }).max(500).nullable().optional(),
  theme: z.string().min(1).max(255).optional(),
  noInstanceConfigWarningModal: z.boolean().optional(),
  noWelcomeModal: z.boolean().optional(),
  noAccountSetupWarningModal: z.boolean().optional()
})

export const blockUserBody = z.object({
  reason: z.string({ message: 'Should have a valid reason' })
    .min(USER_FIELD_LENGTHS.blockedReason.min, `Should have a reason of ${USER_FIELD_LENGTHS.blockedReason.min} to ${USER_FIELD_LENGTHS.blockedReason.max} characters`)
    .max(USER_FIELD_LENGTHS.blockedReason.max, `Should have a reason of ${USER_FIELD_LENGTHS.blockedReason.min} to ${USER_FIELD_LENGTHS.blockedReason.max} characters`)
    .optional()
})

export const listUsersQuery = paginationQuery([ 'id', 'username', 'createdAt', 'lastLoginDate', 'role' ], '-createdAt').extend({
  search: z.string().max(255).optional(),
  blocked: queryBoolean.optional()
})

export const registerUserBody = z.object({
  username: usernameField,
  password: passwordField,
  email: emailField,
  displayName: displayNameField.optional(),
  channel: z.object({
    name: channelNameField,
    displayName: z.string({ message: 'Should have a channel display name' }).trim().min(1).max(120, 'Should have a channel display name of 1 to 120 characters')
  }, { message: 'Should have a channel with a name and a display name' }).optional()
})

export const registrationRequestBody = registerUserBody.extend({
  registrationReason: z.string({ message: 'Should have a registration reason' })
    .min(USER_FIELD_LENGTHS.registrationReason.min, `Should have a registration reason of ${USER_FIELD_LENGTHS.registrationReason.min} to ${USER_FIELD_LENGTHS.registrationReason.max} characters`)
    .max(USER_FIELD_LENGTHS.registrationReason.max, `Should have a registration reason of ${USER_FIELD_LENGTHS.registrationReason.min} to ${USER_FIELD_LENGTHS.registrationReason.max} characters`)
})

export const registrationIdParams = z.object({
  registrationId: z.coerce.number({ message: 'Should have a valid registration id' }).int('Should have a valid registration id')
    .positive('Should have a valid registration id')
})

export const moderateRegistrationBody = z.object({
  moderationResponse: z.string({ message: 'Should have a moderation response' })
    .min(USER_FIELD_LENGTHS.moderationResponse.min, `Should have a moderation response of ${USER_FIELD_LENGTHS.moderationResponse.min} to ${USER_FIELD_LENGTHS.moderationResponse.max} characters`)
    .max(USER_FIELD_LENGTHS.moderationResponse.max, `Should have a moderation response of ${USER_FIELD_LENGTHS.moderationResponse.min} to ${USER_FIELD_LENGTHS.moderationResponse.max} characters`),
  preventEmailDelivery: z.boolean().optional()
})

export const listRegistrationsQuery = paginationQuery([ 'createdAt', 'state' ], '-createdAt').extend({
  search: z.string().max(255).optional()
})

export type AddUserBody = z.output<typeof addUserBody>
export type UpdateUserBody = z.output<typeof updateUserBody>
export type UpdateMeBody = z.output<typeof updateMeBody>
export type RegisterUserBody = z.output<typeof registerUserBody>
export type RegistrationRequestBody = z.output<typeof registrationRequestBody>
