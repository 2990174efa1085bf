import { AccountBlocklistModel } from '../../../models/moderation/account-blocklist.js'
import { ServerBlocklistModel } from '../../../models/moderation/server-blocklist.js'

// What an account (a user's, or the instance's) muted, one page at a time.

export function listMutedAccountsOf (options: Parameters<typeof AccountBlocklistModel.listForApi>[0]) {
  return AccountBlocklistModel.listForApi(options)
}

export function listMutedServersOf (options: Parameters<typeof ServerBlocklistModel.listForApi>[0]) {
  return ServerBlocklistModel.listForApi(options)
}
