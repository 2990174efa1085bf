import { z } from 'zod'
import { followActor, unfollow } from '../../../lib/activitypub/follows/follow-actor.js'
import { loadFollowBetween } from '../../../lib/activitypub/follows/follow-finders.js'
import { invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { jobQueue } from '../../../lib/job-queue/job-queue.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { paginationQuery, queryArray, queryBoolean } from '../../../middlewares/validation/fields.js'
import { formatVideoChannel } from '../../../models/account/formatters/video-channel-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'
import { isValidChannelHandle } from '../../../lib/subscriptions/channel-handle.js'
import { listSubscriptions, listSubscriptionVideos, loadSubscription } from '../../../lib/subscriptions/subscription-finders.js'
import { parseSubscriptionTarget } from '../../../lib/subscriptions/subscription-target.js'
import { loadChannelByHandle } from '../../../lib/video-channels/channel-finders.js'
import { withUserHistory } from '../../../lib/history/watch-history.js'
import { buildVideoListFilters } from '../../../lib/videos/list-filters.js'
import { videosListQuery } from '../../../middlewares/validation/videos.js'

/** A user's subscriptions: its account follows channels, local or remote, with the federation machinery. */
export const subscriptionsRouter = new ApiRouter('/api/v1')

const handleSchema = z.string().trim().min(1).max(300)
  .transform(value => value.replace(/^@/, ''))
  .refine(isValidChannelHandle, { message: 'Should have a valid channel handle (name or name@host)' })

function accountActorId (user: AuthenticatedUser) {
  return user.Account.actorId
}

subscriptionsRouter.get('/users/me/subscriptions', {
  operationId: 'getUserSubscriptions',
  summary: 'List the channels I subscribed to',
  tags: [ 'My Subscriptions' ],
  auth: 'required',
  query: paginationQuery([ 'createdAt', 'channelUpdatedAt' ], '-createdAt').extend({ search: z.string().max(250).optional() })
}, async ({ query, user }, _req, res) => {
  const { total, data } = await listSubscriptions(accountActorId(user), query)
  res.json({ total, data: data.map(formatVideoChannel) })
})

subscriptionsRouter.post('/users/me/subscriptions', {
  operationId: 'addUserSubscription',
  summary: 'Subscribe to a channel (name for a local one, name@host for a remote one)',
  tags: [ 'My Subscriptions' ],
  auth: 'required',
  body: z.object({ uri: z.string({ message: 'Should have a channel handle or URL' }).trim().min(1).max(2000) }),
  responses: { 204: 'Subscribed (a remote subscription completes in the background)', 400: 'Neither a channel handle nor a URL' }
}, async ({ body, user }, _req, res) => {
  const target = parseSubscriptionTarget(body.uri)
  if (!target) throw invalidField('body', 'uri', 'Should have a valid channel handle (name or name@host) or channel URL', body.uri)

  if (target.kind === 'url') {
    await jobQueue.createJob('activitypub-follow', { followerActorId: accountActorId(user), url: target.url, host: new URL(target.url).host, assertIsChannel: true })
    return res.sendStatus(204)
  }

  const { name, host } = target
  if (host === null) {
    const channel = await loadChannelByHandle(name)
    if (!channel) throw notFound(`No channel named ${name}`)
    await followActor(user.Account.Actor!, channel.Actor!)
  } else {
    await jobQueue.createJob('activitypub-follow', { followerActorId: accountActorId(user), name, host, assertIsChannel: true })
  }
  res.sendStatus(204)
})

subscriptionsRouter.get('/users/me/subscriptions/exist', {
  operationId: 'getUserSubscriptionsExist',
  summary: 'Tell, for each channel handle, whether I subscribed to it',
  tags: [ 'My Subscriptions' ],
  auth: 'required',
  query: z.object({ uris: queryArray(handleSchema, 100) })
}, async ({ query, user }, _req, res) => {
  const result: Record<string, boolean> = {}
  for (const uri of query.uris) {
    const channel = await loadChannelByHandle(uri)
    result[uri] = channel ? (await loadSubscription(accountActorId(user), channel.actorId)) !== null : false
  }
  res.json(result)
})

subscriptionsRouter.get('/users/me/subscriptions/videos', {
  operationId: 'getSubscriptionVideos',
  summary: 'List the videos of the channels I subscribed to (sorts and filters of the video list)',
  tags: [ 'My Subscriptions', 'Video' ],
  auth: 'required',
  query: videosListQuery.extend({ excludeAlreadyWatched: queryBoolean.optional() })
}, async ({ query, user }, _req, res) => {
  const filters = {
    ...buildVideoListFilters(query, user),
    subscribedByActorId: accountActorId(user),
    excludeWatchedByUserId: query.excludeAlreadyWatched ? user.id : undefined
  }
  const { total, data } = await listSubscriptionVideos(filters)
  res.json({ total, data: await withUserHistory(user, data) })
})

subscriptionsRouter.get('/users/me/subscriptions/:subscriptionHandle', {
  operationId: 'getUserSubscription',
  summary: 'Get one of my subscriptions',
  tags: [ 'My Subscriptions' ],
  auth: 'required',
  params: z.object({ subscriptionHandle: handleSchema })
}, async ({ params, user }, _req, res) => {
  const channel = await loadChannelByHandle(params.subscriptionHandle)
  const subscribed = channel ? await loadSubscription(accountActorId(user), channel.actorId) : null
  if (!subscribed) throw notFound(`You are not subscribed to ${params.subscriptionHandle}`)
  res.json(formatVideoChannel(subscribed))
})

subscriptionsRouter.delete('/users/me/subscriptions/:subscriptionHandle', {
  operationId: 'delUserSubscription',
  summary: 'Unsubscribe from a channel',
  tags: [ 'My Subscriptions' ],
  auth: 'required',
  params: z.object({ subscriptionHandle: handleSchema })
}, async ({ params, user }, _req, res) => {
  const channel = await loadChannelByHandle(params.subscriptionHandle)
  const follow = channel ? await loadFollowBetween(accountActorId(user), channel.actorId) : null
  if (!follow) throw notFound(`You are not subscribed to ${params.subscriptionHandle}`)

  await unfollow(follow)
  res.sendStatus(204)
})
