import { z } from 'zod'
import { UserRight } from '../../../shared/models/users.js'
import { describeCatalogueSync } from '../../lib/activitypub/catalogue/catalogue-state.js'
import { startOutboxSync } from '../../lib/activitypub/catalogue/outbox-sync.js'
import { listFollowersOf } from '../../lib/activitypub/follows/follow-finders.js'
import { loadAccountByHandle } from '../../lib/accounts/account-finders.js'
import { badRequest, forbidden, notFound } from '../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../lib/http-problems/problem-codes.js'
import { loadSubscription } from '../../lib/subscriptions/subscription-finders.js'
import { listAllChannelsOfAccount, loadChannelByHandle } from '../../lib/video-channels/channel-finders.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import { paginationQuery } from '../../middlewares/validation/fields.js'
import { channelHandleParams } from '../../middlewares/validation/video-channels.js'
import { formatActorFollow } from '../../models/actor/formatters/actor-follow-formatter.js'
import { ApiRouter } from '../shared/api-router.js'

/** Who follows an account or a channel (their owner and user managers only), and a remote channel's catalogue sync. */
export const actorFollowersRouter = new ApiRouter('/api/v1')

const followersQuery = paginationQuery([ 'createdAt' ], '-createdAt').extend({ search: z.string().trim().max(250).optional() })

function ensureOwnerOrManager (user: AuthenticatedUser, accountId: number) {
  if (user.Account.id !== accountId && !user.hasRight(UserRight.MANAGE_USERS)) {
    throw forbidden('Only the owner may see these followers', ProblemCode.NOT_ALLOWED)
  }
}

actorFollowersRouter.get('/accounts/:name/followers', {
  operationId: 'getAccountFollowers',
  summary: 'List the followers of an account and of its channels',
  tags: [ 'Accounts' ],
  auth: 'required',
  params: z.object({ name: z.string().min(1) }),
  query: followersQuery
}, async ({ params, query, user }, _req, res) => {
  const account = await loadAccountByHandle(params.name)
  if (!account) throw notFound('Account not found')
  ensureOwnerOrManager(user, account.id)

  const channels = await listAllChannelsOfAccount(account.id)
  const { total, data } = await listFollowersOf([ account.actorId as number, ...channels.map(c => c.actorId as number) ], query)
  res.json({ total, data: data.map(formatActorFollow) })
})

actorFollowersRouter.get('/video-channels/:channelHandle/followers', {
  operationId: 'getVideoChannelFollowers',
  summary: 'List the followers (subscribers) of a channel',
  tags: [ 'Video Channels' ],
  auth: 'required',
  params: channelHandleParams,
  query: followersQuery
}, async ({ params, query, user }, _req, res) => {
  const channel = await loadChannelByHandle(params.channelHandle)
  if (!channel) throw notFound('Video channel not found')
  ensureOwnerOrManager(user, channel.accountId as number)

  const { total, data } = await listFollowersOf([ channel.actorId as number ], query)
  res.json({ total, data: data.map(formatActorFollow) })
})

actorFollowersRouter.get('/video-channels/:channelHandle/catalogue-sync', {
  operationId: 'getVideoChannelCatalogueSync',
  summary: 'How much of a remote channel\'s catalogue this instance has (read from its outbox)',
  tags: [ 'Video Channels' ],
  auth: 'none',
  params: channelHandleParams
}, async ({ params }, _req, res) => {
  const channel = await loadChannelByHandle(params.channelHandle)
  if (!channel) throw notFound('Video channel not found')
  res.json(await describeCatalogueSync(channel))
})

actorFollowersRouter.post('/video-channels/:channelHandle/catalogue-sync', {
  operationId: 'restartVideoChannelCatalogueSync',
  summary: 'Read a remote channel\'s catalogue again (its subscribers and follow managers)',
  tags: [ 'Video Channels' ],
  auth: 'required',
  params: channelHandleParams,
  responses: { 204: 'Started (or already running)', 400: 'A local channel' }
}, async ({ params, user }, _req, res) => {
  const channel = await loadChannelByHandle(params.channelHandle)
  if (!channel) throw notFound('Video channel not found')
  if (channel.Actor!.isLocal()) throw badRequest('This channel is local: its catalogue is here')
  const subscribed = await loadSubscription(user.Account.actorId as number, channel.actorId as number)
  if (!subscribed && !user.hasRight(UserRight.MANAGE_SERVER_FOLLOW)) throw forbidden('Subscribe to this channel first', ProblemCode.NOT_ALLOWED)

  await startOutboxSync(channel.Actor!)
  res.sendStatus(204)
})
