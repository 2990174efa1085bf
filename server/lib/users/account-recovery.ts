import { UserRegistrationModel } from '../../models/user/user-registration.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import { UserModel } from '../../models/user/user.js'
import { forbidden } from '../http-problems/http-problem.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { hashPassword } from './create-user.js'
import { conflictOnField } from './name-availability.js'
import { consumeUserSecret } from './user-secrets.js'

// What the links of account-emails.ts do. A wrong, used or expired secret is one 403 for all: nothing says which.

const invalidSecret = () => forbidden('Invalid verification string: it is wrong, expired or already used')

/** A new password from a reset link; every session of the user ends (whoever asked for the reset is out). */
export async function resetPassword (userId: number, secret: string, password: string) {
  const hash = await hashPassword(password)
  if (!await consumeUserSecret('reset-password', userId, secret)) throw invalidSecret()

  await unitOfWork(async () => {
    const [ updated ] = await UserModel.update({ password: hash }, { where: { id: userId } })
    if (updated === 0) throw invalidSecret()
    await OAuthTokenModel.destroy({ where: { userId } })
  })
}

/** The user proved they read the address: at sign-up, or a new one (`pending`) which replaces the old. */
export async function verifyUserEmail (userId: number, secret: string, pending: boolean) {
  if (!await consumeUserSecret('verify-email', userId, secret)) throw invalidSecret()

  await unitOfWork(async () => {
    const user = await UserModel.findByPk(userId)
    if (!user) throw invalidSecret()
    if (pending) {
      if (!user.pendingEmail) throw invalidSecret()
      const holder = await UserModel.loadByEmail(user.pendingEmail)
      if (holder && holder.id !== user.id) throw conflictOnField('email', 'A user with this email already exists', user.pendingEmail)
      user.email = user.pendingEmail
      user.pendingEmail = null
    }
    user.emailVerified = true
    await user.save()
  })
}

export async function verifyRegistrationEmail (registrationId: number, secret: string) {
  if (!await consumeUserSecret('verify-registration-email', registrationId, secret)) throw invalidSecret()
  await UserRegistrationModel.update({ emailVerified: true }, { where: { id: registrationId } })
}
