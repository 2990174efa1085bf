import type { Job } from 'bull'
import { CONFIG } from '../../initializers/config/index.js'
import { UserRegistrationState } from '../../../shared/models/user-registrations.js'
import { UserRegistrationModel } from '../../models/user/user-registration.js'
import { UserModel } from '../../models/user/user.js'
import { isEmailEnabled } from '../emails/mailer.js'
import { conflict } from '../http-problems/http-problem.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { queuePasswordResetEmail, queueVerifyRegistrationEmail, queueVerifyUserEmail } from './account-emails.js'

export type AccountEmailRequestKind = 'reset-password' | 'verify-email' | 'verify-registration-email'

export interface AccountEmailRequestPayload {
  kind: AccountEmailRequestKind
  email: string
}

/**
 * "Send me a reset link" / "send the verification link again", by address. The request only records a job, the
 * same for every address: whether an account has it is found by the job, so neither the answer nor its timing
 * tells an attacker anything.
 */
export async function requestAccountEmail (kind: AccountEmailRequestKind, email: string) {
  if (!isEmailEnabled()) throw conflict('E-mail is not configured on this instance')
  await jobQueue.createJob('account-email', { kind, email: email.toLowerCase() })
}

/** account-email: sends the link if someone has this address (and needs it); nobody is told otherwise. */
export async function processAccountEmailRequest (job: Job<AccountEmailRequestPayload>) {
  const { kind, email } = job.data

  return unitOfWork(async () => {
    if (kind === 'verify-registration-email') {
      const registration = await UserRegistrationModel.findOne({ where: { email } })
      if (!registration || registration.emailVerified === true || registration.state !== UserRegistrationState.PENDING) return { sent: false }
      return { sent: await queueVerifyRegistrationEmail(registration) }
    }

    const user = await UserModel.loadByEmail(email)
    if (!user || user.blocked) return { sent: false }
    if (kind === 'reset-password') return { sent: await queuePasswordResetEmail(user) }

    // Verification: of the account's address, while it is not verified and the instance asks for it.
    if (user.emailVerified !== false || !CONFIG.signup.requires_email_verification) return { sent: false }
    return { sent: await queueVerifyUserEmail(user) }
  })
}
