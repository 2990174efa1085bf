import { USER_REGISTRATION_STATE_LABELS } from '../../../../shared/models/user-registrations.js'
import type { UserRegistrationModel } from '../user-registration.js'

/** PeerTube's `UserRegistration`. */
export function formatUserRegistration (registration: UserRegistrationModel) {
  return {
    id: registration.id,
    state: { id: registration.state, label: USER_REGISTRATION_STATE_LABELS[registration.state] },
    registrationReason: registration.registrationReason,
    moderationResponse: registration.moderationResponse ?? null,
    username: registration.username,
    email: registration.email,
    emailVerified: registration.emailVerified ?? null,
    accountDisplayName: registration.accountDisplayName,
    channelHandle: registration.channelHandle,
    channelDisplayName: registration.channelDisplayName,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    user: registration.User ? { id: registration.User.id } : null
  }
}
