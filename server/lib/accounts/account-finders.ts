import { AccountModel } from '../../models/account/account.js'
import type { AccountWithActor } from '../../models/video/video-loaded.js'

// The accounts requests name (by handle), the public list of them, and an account found from its actor.

/** `name` (local) or `name@host`; null when unknown (remote accounts appear once federation has fetched them). */
export function loadAccountByHandle (handle: string) {
  return AccountModel.loadByHandle(handle) as Promise<AccountWithActor | null>
}

export function listAccounts (options: Parameters<typeof AccountModel.listForApi>[0]) {
  return AccountModel.listForApi(options)
}

/** The id of the account this actor is, if it is one. */
export async function accountIdOfActor (actorId: number) {
  return (await AccountModel.findOne({ where: { actorId }, attributes: [ 'id' ] }))?.id
}
