import { WEBSERVER } from '../../initializers/config/index.js'
import { USER_SECRETS } from '../../initializers/constants/emails.js'
import type { UserRegistrationModel } from '../../models/user/user-registration.js'
import type { UserModel } from '../../models/user/user.js'
import { buildEmail } from '../emails/email-layout.js'
import { queueEmail } from '../emails/email-job.js'
import { createUserSecret } from './user-secrets.js'

// The mails that carry a secret link: address verification and password reset. Links open pages of the web
// client (PeerTube's paths), which call the API with the secret.

/** "Confirm your address": at sign-up, or for a new address (`pending`: the user's pendingEmail). */
export async function queueVerifyUserEmail (user: Pick<UserModel, 'id' | 'username' | 'email' | 'pendingEmail'>, options: { pending?: boolean } = {}) {
  const secret = await createUserSecret('verify-email', user.id, USER_SECRETS.EMAIL_VERIFY_LIFETIME_MS)
  const query = new URLSearchParams({ userId: String(user.id), verificationString: secret })
  if (options.pending) query.set('isPendingEmail', 'true')
  const to = options.pending ? user.pendingEmail! : user.email

  return queueEmail(buildEmail([ to ], {
    subject: 'Verify your e-mail address',
    paragraphs: [
      `Hello ${user.username},`,
      options.pending
        ? 'You asked to use this address for your account. Confirm it with the link below (valid for one hour).'
        : 'Confirm the address of your new account with the link below (valid for one hour).'
    ],
    action: { text: 'Verify my e-mail address', url: `${WEBSERVER.URL}/verify-account/email?${query}` }
  }))
}

/** "Confirm your address" for a registration request waiting for a moderator. */
export async function queueVerifyRegistrationEmail (registration: Pick<UserRegistrationModel, 'id' | 'username' | 'email'>) {
  const secret = await createUserSecret('verify-registration-email', registration.id, USER_SECRETS.EMAIL_VERIFY_LIFETIME_MS)
  const query = new URLSearchParams({ registrationId: String(registration.id), verificationString: secret })

  return queueEmail(buildEmail([ registration.email ], {
    subject: 'Verify your e-mail address',
    paragraphs: [
      `Hello ${registration.username},`,
      'Confirm the address of your registration request with the link below (valid for one hour). A moderator will then review it.'
    ],
    action: { text: 'Verify my e-mail address', url: `${WEBSERVER.URL}/verify-account/email?${query}` }
  }))
}

export async function queuePasswordResetEmail (user: Pick<UserModel, 'id' | 'username' | 'email'>) {
  const secret = await createUserSecret('reset-password', user.id, USER_SECRETS.PASSWORD_RESET_LIFETIME_MS)
  const query = new URLSearchParams({ userId: String(user.id), verificationString: secret })

  return queueEmail(buildEmail([ user.email ], {
    subject: 'Reset your password',
    paragraphs: [
      `Hello ${user.username},`,
      'Someone (hopefully you) asked to reset the password of your account. Choose a new one with the link below; ' +
      'it works once, within an hour. If you did not ask for it, ignore this mail: your password stays as it is.'
    ],
    action: { text: 'Reset my password', url: `${WEBSERVER.URL}/reset-password?${query}` }
  }))
}
