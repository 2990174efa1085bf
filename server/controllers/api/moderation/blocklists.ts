import { UserRight } from '../../../../shared/models/users.js'
import { getBlockStatus } from '../../../lib/moderation/blocklist/block-status.js'
import { listMutedAccountsOf, listMutedServersOf } from '../../../lib/moderation/blocklist/blocklist-lists.js'
import { loadAccountToMute, muteAccount, unmuteAccount } from '../../../lib/moderation/blocklist/mute-accounts.js'
import { muteServer, unmuteServer } from '../../../lib/moderation/blocklist/mute-servers.js'
import { getInstanceAccount } from '../../../lib/moderation/instance-account.js'
import {
  accountNameParams, blockAccountBody, blocklistQuery, blockServerBody, blockStatusQuery, hostParams
} from '../../../middlewares/validation/moderation.js'
import { formatAccountBlock, formatServerBlock } from '../../../models/moderation/formatters/blocklist-formatter.js'
import type { AccountModel } from '../../../models/account/account.js'
import type { UserRightType } from '../../../../shared/models/users.js'
import { ApiRouter } from '../../shared/api-router.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'

/**
 * Blocklists at two levels with the same routes (PeerTube's Account Blocks and Server Blocks tags): a user's own,
 * under /users/me/blocklist, hides accounts and servers from that user; the instance's, under /server/blocklist,
 * hides them from everyone, and a blocked server is refused by the inbox and gets no deliveries.
 */
export const blocklistsRouter = new ApiRouter('/api/v1')

interface Level {
  prefix: string
  tag: string
  who: string
  accountsRight?: UserRightType
  serversRight?: UserRightType
  byAccount: (user: AuthenticatedUser) => Promise<AccountModel>
  actingModerator: boolean
}

const LEVELS: Level[] = [
  { prefix: '/users/me/blocklist', tag: 'My User', who: 'me', byAccount: async user => user.Account, actingModerator: false },
  {
    prefix: '/server/blocklist',
    tag: 'Instance',
    who: 'the instance (everyone)',
    accountsRight: UserRight.MANAGE_ACCOUNTS_BLOCKLIST,
    serversRight: UserRight.MANAGE_SERVERS_BLOCKLIST,
    byAccount: () => getInstanceAccount(),
    actingModerator: true
  }
]

for (const level of LEVELS) {
  const scope = level.prefix.startsWith('/users') ? 'My' : 'Server'

  blocklistsRouter.get(`${level.prefix}/accounts`, {
    operationId: `get${scope}AccountBlocklist`,
    summary: `List the accounts muted for ${level.who}`,
    tags: [ 'Account Blocks', level.tag ],
    auth: 'required',
    right: level.accountsRight,
    query: blocklistQuery
  }, async ({ user, query }, _req, res) => {
    const by = await level.byAccount(user)
    const { total, data } = await listMutedAccountsOf({ ...query, accountId: by.id })
    res.json({ total, data: data.map(formatAccountBlock) })
  })

  blocklistsRouter.post(`${level.prefix}/accounts`, {
    operationId: `add${scope}AccountBlock`,
    summary: `Mute an account (name or name@host) for ${level.who}`,
    tags: [ 'Account Blocks', level.tag ],
    auth: 'required',
    right: level.accountsRight,
    body: blockAccountBody,
    responses: { 204: 'Muted', 403: 'A moderator cannot mute an administrator or a moderator', 404: 'Unknown account', 409: 'Cannot mute yourself' }
  }, async ({ user, body }, _req, res) => {
    const target = await loadAccountToMute(body.accountName, 'body')
    await muteAccount({ byAccount: await level.byAccount(user), target, moderator: level.actingModerator ? user : undefined })
    res.sendStatus(204)
  })

  blocklistsRouter.delete(`${level.prefix}/accounts/:accountName`, {
    operationId: `del${scope}AccountBlock`,
    summary: `Unmute an account for ${level.who}`,
    tags: [ 'Account Blocks', level.tag ],
    auth: 'required',
    right: level.accountsRight,
    params: accountNameParams,
    responses: { 204: 'Unmuted', 404: 'Unknown account, or not muted' }
  }, async ({ user, params }, _req, res) => {
    const target = await loadAccountToMute(params.accountName, 'params')
    await unmuteAccount(await level.byAccount(user), target)
    res.sendStatus(204)
  })

  blocklistsRouter.get(`${level.prefix}/servers`, {
    operationId: `get${scope}ServerBlocklist`,
    summary: `List the servers muted for ${level.who}`,
    tags: [ 'Server Blocks', level.tag ],
    auth: 'required',
    right: level.serversRight,
    query: blocklistQuery
  }, async ({ user, query }, _req, res) => {
    const by = await level.byAccount(user)
    const { total, data } = await listMutedServersOf({ ...query, accountId: by.id })
    res.json({ total, data: data.map(formatServerBlock) })
  })

  blocklistsRouter.post(`${level.prefix}/servers`, {
    operationId: `add${scope}ServerBlock`,
    summary: `Mute a whole server (host) for ${level.who}`,
    tags: [ 'Server Blocks', level.tag ],
    auth: 'required',
    right: level.serversRight,
    body: blockServerBody,
    responses: { 204: 'Muted', 400: 'Invalid host', 409: 'Cannot mute this instance' }
  }, async ({ user, body }, _req, res) => {
    await muteServer(await level.byAccount(user), body.host)
    res.sendStatus(204)
  })

  blocklistsRouter.delete(`${level.prefix}/servers/:host`, {
    operationId: `del${scope}ServerBlock`,
    summary: `Unmute a server for ${level.who}`,
    tags: [ 'Server Blocks', level.tag ],
    auth: 'required',
    right: level.serversRight,
    params: hostParams,
    responses: { 204: 'Unmuted', 404: 'Not muted' }
  }, async ({ user, params }, _req, res) => {
    await unmuteServer(await level.byAccount(user), params.host)
    res.sendStatus(204)
  })
}

blocklistsRouter.get('/blocklist/status', {
  operationId: 'getBlockStatus',
  summary: 'Whether the instance and I (when logged in) muted these accounts and hosts',
  tags: [ 'Account Blocks', 'Server Blocks' ],
  auth: 'optional',
  query: blockStatusQuery
}, async ({ user, query }, _req, res) => {
  res.json(await getBlockStatus({ accounts: query.accounts ?? [], hosts: query.hosts ?? [], user }))
})
