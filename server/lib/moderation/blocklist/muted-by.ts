import type { AccountModel } from '../../../models/account/account.js'
import { AccountBlocklistModel } from '../../../models/moderation/account-blocklist.js'
import { ServerBlocklistModel } from '../../../models/moderation/server-blocklist.js'

/**
 * Whether one of `blockerAccountIds` muted `account` or its server. `account` needs its Actor loaded (for the
 * server); a local account has no server to mute.
 */
export async function isAccountMutedBy (blockerAccountIds: number[], account: Pick<AccountModel, 'id' | 'Actor'>) {
  const blockers = blockerAccountIds.filter(id => id !== account.id)
  if (blockers.length === 0) return false
  if ((await AccountBlocklistModel.listBlockers(blockers, account.id)).size !== 0) return true
  const serverId = account.Actor?.serverId
  return !!serverId && (await ServerBlocklistModel.listBlockers(blockers, serverId)).size !== 0
}
