import { UserRegistrationState } from '../../../shared/models/user-registrations.js'
import { UserRole } from '../../../shared/models/users.js'
import type { RegistrationRequestInput } from './types.js'
import { UserRegistrationModel } from '../../models/user/user-registration.js'
import { badRequest, notFound } from '../http-problems/http-problem.js'
import { createLocalUser } from './create-local-user.js'
import { queueVerifyRegistrationEmail } from './account-emails.js'
import { hashPassword } from './create-user.js'
import { ensureNewUserIsAvailable, translateUniqueError } from './name-availability.js'
import { recordRegistrationRequested } from '../moderation/moderation-events.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

/**
 * Records a sign-up request for a moderator; the password is hashed now and never kept in clear. The request, its
 * verification mail (`requiresEmailVerification`) and its moderation event (the moderators' notification) are one
 * unit of work.
 */
export async function requestRegistration (body: RegistrationRequestInput, options: { requiresEmailVerification?: boolean } = {}) {
  await ensureNewUserIsAvailable({ username: body.username, email: body.email, channelName: body.channel?.name })

  const password = await hashPassword(body.password)
  const registration = await unitOfWork(async () => {
    const created = await translateUniqueError(() => UserRegistrationModel.create({
      state: UserRegistrationState.PENDING,
      registrationReason: body.registrationReason,
      password,
      username: body.username.toLowerCase(),
      email: body.email.toLowerCase(),
      emailVerified: options.requiresEmailVerification ? false : null,
      accountDisplayName: body.displayName ?? null,
      channelHandle: body.channel?.name ?? null,
      channelDisplayName: body.channel?.displayName ?? null
    }))
    if (options.requiresEmailVerification) await queueVerifyRegistrationEmail(created)
    await recordRegistrationRequested(created)
    return created
  })

  return (await UserRegistrationModel.load(registration.id))!
}

async function loadPending (id: number) {
  const registration = await UserRegistrationModel.loadWithPassword(id)
  if (!registration) throw notFound('Registration not found')
  if (registration.state !== UserRegistrationState.PENDING) {
    throw badRequest('This registration has already been accepted or rejected')
  }
  return registration
}

/** Creates the user the registration describes (names are checked again: they may have been taken since). */
export async function acceptRegistration (id: number, moderationResponse: string) {
  const registration = await loadPending(id)

  // The registration is accepted in the user's unit of work: never a user without its accepted registration.
  await createLocalUser({
    username: registration.username,
    email: registration.email,
    passwordHash: registration.password,
    role: UserRole.USER,
    displayName: registration.accountDisplayName ?? undefined,
    emailVerified: registration.emailVerified,
    channel: registration.channelHandle
      ? { name: registration.channelHandle, displayName: registration.channelDisplayName ?? undefined }
      : undefined,
    // The registration holds these names itself: it does not count as their current owner.
    fromRegistrationId: registration.id
  }, async ({ user }) => {
    await registration.update({ state: UserRegistrationState.ACCEPTED, moderationResponse, userId: user.id })
  })
}

export async function rejectRegistration (id: number, moderationResponse: string) {
  const registration = await loadPending(id)
  await registration.update({ state: UserRegistrationState.REJECTED, moderationResponse })
}

/** Forgets the registration; a user created from it stays. */
export async function deleteRegistration (id: number) {
  const registration = await UserRegistrationModel.findByPk(id)
  if (!registration) throw notFound('Registration not found')
  await registration.destroy()
}
