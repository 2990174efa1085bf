import type { NSFWPolicy, UserRoleType } from '../../../shared/models/users.js'
import { CONFIG } from '../../initializers/config/index.js'
import { createUserWithAccountAndChannel, defaultChannelFor } from './create-user.js'
import { ensureNewUserIsAvailable, findAvailableActorName, translateUniqueError } from './name-availability.js'

export interface LocalUserInput {
  username: string
  email: string
  password?: string
  passwordHash?: string
  role: UserRoleType
  videoQuota?: number
  videoQuotaDaily?: number
  displayName?: string
  emailVerified?: boolean | null
  nsfwPolicy?: NSFWPolicy
  adminFlags?: number
  channel?: { name: string, displayName?: string }
  /** The accepted registration this user comes from, whose names are not a conflict. */
  fromRegistrationId?: number
}

/**
 * A new local user from any door (admin, sign-up, accepted registration): names checked (409 when taken),
 * instance defaults applied, and a first channel, named by the caller or `<username>_channel` (or the first free
 * variant of it).
 */
export async function createLocalUser (input: LocalUserInput) {
  await ensureNewUserIsAvailable({
    username: input.username,
    email: input.email,
    channelName: input.channel?.name,
    exceptRegistrationId: input.fromRegistrationId
  })

  const fallback = defaultChannelFor(input.username)
  const channel = input.channel
    ? { name: input.channel.name, displayName: input.channel.displayName ?? fallback.displayName }
    : { name: await findAvailableActorName(fallback.name), displayName: fallback.displayName }

  return translateUniqueError(() => createUserWithAccountAndChannel({
    username: input.username,
    email: input.email,
    password: input.password,
    passwordHash: input.passwordHash,
    role: input.role,
    videoQuota: input.videoQuota ?? CONFIG.user.video_quota,
    videoQuotaDaily: input.videoQuotaDaily ?? CONFIG.user.video_quota_daily,
    nsfwPolicy: input.nsfwPolicy ?? CONFIG.instance.default_nsfw_policy,
    emailVerified: input.emailVerified ?? null,
    displayName: input.displayName,
    adminFlags: input.adminFlags
  }, channel))
}
