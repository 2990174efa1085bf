import { formatAccount } from '../../account/formatters/account-formatter.js'
import type { AccountBlocklistModel } from '../account-blocklist.js'
import type { ServerBlocklistModel } from '../server-blocklist.js'

/** PeerTube's `AccountBlock`. */
export function formatAccountBlock (block: AccountBlocklistModel) {
  return {
    byAccount: formatAccount(block.ByAccount!),
    blockedAccount: formatAccount(block.BlockedAccount!),
    createdAt: block.createdAt
  }
}

/** PeerTube's `ServerBlock`. */
export function formatServerBlock (block: ServerBlocklistModel) {
  return {
    byAccount: formatAccount(block.ByAccount!),
    blockedServer: { id: block.BlockedServer!.id, host: block.BlockedServer!.host },
    createdAt: block.createdAt
  }
}
