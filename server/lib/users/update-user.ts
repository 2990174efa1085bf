import { CONFIG } from '../../initializers/config/index.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { queueVerifyUserEmail } from './account-emails.js'
import type { UpdateMeInput, UpdateUserInput } from './types.js'
import { AccountModel } from '../../models/account/account.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import { UserModel } from '../../models/user/user.js'
import { invalidField, notFound, unauthorized } from '../http-problems/http-problem.js'
import { hashPassword, isPasswordMatching } from './create-user.js'
import { conflictOnField } from './name-availability.js'
import { sendUpdateActor } from '../activitypub/send/send-update-actor.js'

async function ensureEmailIsFree (email: string, userId: number) {
  const holder = await UserModel.loadByEmail(email)
  if (holder && holder.id !== userId) throw conflictOnField('email', 'A user with this email already exists', email)
}

/**
 * A user's own changes. Changing the password or the email needs the current password (401 when wrong),
 * so a stolen session cannot take the account over.
 */
export async function updateMe (userId: number, body: UpdateMeInput) {
  const user = await UserModel.loadWithPassword(userId)
  if (!user) throw notFound('User not found')

  const changesCredentials = body.password !== undefined || (body.email !== undefined && body.email.toLowerCase() !== user.email)
  if (changesCredentials) {
    if (!body.currentPassword) throw invalidField('body', 'currentPassword', 'Should have the current password to change the password or email')
    if (!await isPasswordMatching(body.currentPassword, user.password)) {
      throw unauthorized('currentPassword is invalid')
    }
  }
  if (body.email !== undefined) await ensureEmailIsFree(body.email, user.id)

  const preferences = [
    'nsfwPolicy', 'p2pEnabled', 'autoPlayVideo', 'autoPlayNextVideo', 'autoPlayNextVideoPlaylist', 'videosHistoryEnabled',
    'videoLanguages', 'theme', 'noInstanceConfigWarningModal', 'noWelcomeModal', 'noAccountSetupWarningModal'
  ] as const
  for (const key of preferences) {
    if (body[key] !== undefined) user.set(key, body[key] as never)
  }
  // With verification required, a new address is only pending until its owner follows the link sent to it.
  const newEmail = body.email !== undefined && body.email.toLowerCase() !== user.email ? body.email.toLowerCase() : undefined
  const verifyNewEmail = newEmail !== undefined && CONFIG.signup.requires_email_verification
  if (newEmail !== undefined) {
    if (verifyNewEmail) user.pendingEmail = newEmail
    else user.email = newEmail
  }
  if (body.password !== undefined) user.password = await hashPassword(body.password)

  // The new address's verification mail is part of the change: a pending address always has its link.
  await unitOfWork(async transaction => {
    await user.save({ transaction })
    if (body.displayName !== undefined || body.description !== undefined) {
      const account = await AccountModel.findOne({ where: { userId: user.id }, transaction })
      if (account) {
        if (body.displayName !== undefined) account.name = body.displayName
        if (body.description !== undefined) account.description = body.description
        await account.save({ transaction })
        // Remote copies of the account get its new name and description.
        await sendUpdateActor(account.actorId)
      }
    }
    if (verifyNewEmail) await queueVerifyUserEmail(user, { pending: true })
  })
}

/**
 * An administrator's or moderator's changes (who may change whom is checked by the caller). A new role or
 * password ends the user's sessions, so new rights apply and an old password's tokens stop working.
 */
export async function updateUserAsModerator (target: UserModel, body: UpdateUserInput) {
  if (body.email !== undefined) {
    await ensureEmailIsFree(body.email, target.id)
    target.email = body.email.toLowerCase()
  }
  if (body.emailVerified !== undefined) target.emailVerified = body.emailVerified
  if (body.videoQuota !== undefined) target.videoQuota = body.videoQuota
  if (body.videoQuotaDaily !== undefined) target.videoQuotaDaily = body.videoQuotaDaily
  if (body.adminFlags !== undefined) target.adminFlags = body.adminFlags

  const roleChanged = body.role !== undefined && body.role !== target.role
  if (body.role !== undefined) target.role = body.role
  if (body.password !== undefined) target.password = await hashPassword(body.password)

  await unitOfWork(async transaction => {
    await target.save({ transaction })
    if (roleChanged || body.password !== undefined) await OAuthTokenModel.destroy({ where: { userId: target.id }, transaction })
  })
}

/** Blocks a user: their tokens are revoked and they cannot log in until unblocked. */
export async function setUserBlocked (target: UserModel, blocked: boolean, reason?: string) {
  target.blocked = blocked
  target.blockedReason = blocked ? reason ?? null : null
  await unitOfWork(async transaction => {
    await target.save({ transaction })
    if (blocked) await OAuthTokenModel.destroy({ where: { userId: target.id }, transaction })
  })
}
