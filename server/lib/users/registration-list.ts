import { UserRegistrationModel } from '../../models/user/user-registration.js'

/** The moderators' list of registration requests. */
export function listRegistrations (options: Parameters<typeof UserRegistrationModel.listForApi>[0]) {
  return UserRegistrationModel.listForApi(options)
}
