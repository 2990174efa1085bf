import { CONFIG } from '../../initializers/config/index.js'
import { UserRegistrationModel } from '../../models/user/user-registration.js'
import { UserModel } from '../../models/user/user.js'
import { badRequest, forbidden } from '../http-problems/http-problem.js'

/** Direct sign-up creates the user at once; a request waits for a moderator (signup.requires_approval). */
export type SignupMode = 'direct-registration' | 'request-registration'

/**
 * Refuses a sign-up the configuration does not allow: closed (403), the wrong door for the approval setting
 * (403 for a direct sign-up needing approval, 400 for a request when no approval is needed), or the user limit
 * reached (403). Pending requests count toward the limit, so accepting them cannot overshoot it by much.
 */
export async function ensureSignupAllowed (mode: SignupMode) {
  if (!CONFIG.signup.enabled) throw forbidden('User registration is not enabled on this instance')

  if (mode === 'direct-registration' && CONFIG.signup.requires_approval) {
    throw forbidden('Registrations on this instance need a moderator\'s approval: send a registration request')
  }
  if (mode === 'request-registration' && !CONFIG.signup.requires_approval) {
    throw badRequest('Signup approval is not enabled on this instance: register directly')
  }

  if (CONFIG.signup.limit === -1) return
  const pending = mode === 'request-registration' ? await UserRegistrationModel.countPending() : 0
  if (await UserModel.countTotal() + pending >= CONFIG.signup.limit) {
    throw forbidden('The user limit of this instance is reached')
  }
}
