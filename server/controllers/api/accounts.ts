import { z } from 'zod'
import { listAccounts, loadAccountByHandle } from '../../lib/accounts/account-finders.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { listChannelsOfAccount } from '../../lib/video-channels/channel-finders.js'
import { paginationQuery, queryBoolean } from '../../middlewares/validation/fields.js'
import { formatAccount } from '../../models/account/formatters/account-formatter.js'
import { formatVideoChannel } from '../../models/account/formatters/video-channel-formatter.js'
import { ApiRouter } from '../shared/api-router.js'

export const accountsRouter = new ApiRouter('/api/v1')

const accountParams = z.object({ name: z.string({ message: 'Should have an account name' }).min(1, 'Should have an account name') })

/** `name` or `name@host`; 404 when unknown (remote accounts appear once federation has fetched them). */
async function loadAccount (handle: string) {
  const account = await loadAccountByHandle(handle)
  if (!account) throw notFound('Account not found')
  return account
}

accountsRouter.get('/accounts', {
  operationId: 'getAccounts',
  summary: 'List accounts',
  tags: [ 'Accounts' ],
  auth: 'none',
  query: paginationQuery([ 'createdAt' ], '-createdAt')
}, async ({ query }, _req, res) => {
  const { total, data } = await listAccounts(query)
  res.json({ total, data: data.map(formatAccount) })
})

accountsRouter.get('/accounts/:name', {
  operationId: 'getAccount',
  summary: 'Get an account',
  tags: [ 'Accounts' ],
  auth: 'none',
  params: accountParams,
  responses: { 200: 'The account', 404: 'Account not found' }
}, async ({ params }, _req, res) => {
  res.json(formatAccount(await loadAccount(params.name)))
})

accountsRouter.get('/accounts/:name/video-channels', {
  operationId: 'getAccountVideoChannels',
  summary: 'List video channels of an account',
  tags: [ 'Video Channels', 'Accounts' ],
  auth: 'none',
  params: accountParams,
  query: paginationQuery([ 'id', 'name', 'updatedAt', 'createdAt' ], '-createdAt').extend({
    // Accepted for compatibility; view statistics are not computed.
    withStats: queryBoolean.optional()
  }),
  responses: { 200: 'The channels', 404: 'Account not found' }
}, async ({ params, query }, _req, res) => {
  const account = await loadAccount(params.name)
  const { total, data } = await listChannelsOfAccount(account.id, query)
  res.json({ total, data: data.map(formatVideoChannel) })
})
