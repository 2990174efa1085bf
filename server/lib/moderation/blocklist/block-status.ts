import { AccountModel } from '../../../models/account/account.js'
import { AccountBlocklistModel } from '../../../models/moderation/account-blocklist.js'
import { ServerBlocklistModel } from '../../../models/moderation/server-blocklist.js'
import type { AuthenticatedUser } from '../../../models/user/authenticated-user.js'
import { getInstanceAccount } from '../instance-account.js'

interface Status { blockedByServer: boolean, blockedByUser: boolean }

/**
 * GET /blocklist/status, as PeerTube answers: for each account handle and host asked, whether the instance and
 * whether the user (false when anonymous) muted it. Unknown accounts are simply not muted.
 */
export async function getBlockStatus (options: { accounts: string[], hosts: string[], user?: AuthenticatedUser }) {
  const instance = await getInstanceAccount()
  const userAccountId = options.user?.Account.id
  const blockers = userAccountId ? [ instance.id, userAccountId ] : [ instance.id ]

  const accounts: Record<string, Status> = {}
  for (const handle of options.accounts) {
    const account = await AccountModel.loadByHandle(handle)
    const by = account ? await AccountBlocklistModel.listBlockers(blockers, account.id) : new Set<number>()
    accounts[handle] = { blockedByServer: by.has(instance.id), blockedByUser: userAccountId !== undefined && by.has(userAccountId) }
  }

  const hosts: Record<string, Status> = {}
  const [ byInstance, byUser ] = await Promise.all([
    ServerBlocklistModel.listBlockedHosts(instance.id, options.hosts.map(h => h.toLowerCase())),
    userAccountId ? ServerBlocklistModel.listBlockedHosts(userAccountId, options.hosts.map(h => h.toLowerCase())) : new Set<string>()
  ])
  for (const host of options.hosts) {
    hosts[host] = { blockedByServer: byInstance.has(host.toLowerCase()), blockedByUser: byUser.has(host.toLowerCase()) }
  }

  return { accounts, hosts }
}
