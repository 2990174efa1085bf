import { UserModel } from '../../models/user/user.js'

// Users as the management routes name them, and the administrators' list.

/** With its account (and the account's actor); null when there is no such user. */
export function loadUserWithAccount (id: number) {
  return UserModel.loadWithAccount(id)
}

export function listUsers (options: Parameters<typeof UserModel.listForApi>[0]) {
  return UserModel.listForApi(options)
}
