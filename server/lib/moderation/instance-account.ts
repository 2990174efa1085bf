import { AccountModel } from '../../models/account/account.js'
import { getServerActor } from '../activitypub/server-actor.js'

let cached: AccountModel | undefined

/**
 * The instance's own account (the server actor's): what it mutes is muted for everyone, and it is the reporter of
 * reports received from other instances' server actors. Created by the installer and never deleted.
 */
export async function getInstanceAccount (): Promise<AccountModel> {
  if (cached) return cached
  const actor = await getServerActor()
  const account = await AccountModel.findOne({ where: { actorId: actor.id }, include: [ AccountModel.withActor() ] })
  if (!account) throw new Error('The server actor has no account: the installer did not run')
  cached = account
  return account
}

/** The instance account's id, for code that cannot wait (list filters). Loaded at start-up by registerModeration(). */
export function instanceAccountId (): number {
  if (!cached) throw new Error('The instance account is not loaded yet: registerModeration() runs at start-up')
  return cached.id
}
