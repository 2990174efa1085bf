import { z } from 'zod'
import { ACTOR_TYPES } from '../../../../shared/models/actors.js'
import { UserRight } from '../../../../shared/models/users.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { SERVER_ACTOR_NAME } from '../../../initializers/constants/actors.js'
import { FOLLOW_STATES } from '../../../initializers/constants/federation.js'
import { isValidRemoteHost } from '../../../lib/activitypub/actors/webfinger-client.js'
import { acceptFollower, rejectFollower, removeFollower } from '../../../lib/activitypub/follows/followers.js'
import { unfollow } from '../../../lib/activitypub/follows/follow-actor.js'
import { listFollows, loadFollowBetween } from '../../../lib/activitypub/follows/follow-finders.js'
import { loadRemoteActorByHandle } from '../../../lib/actors/actor-finders.js'
import { getServerActor } from '../../../lib/activitypub/server-actor.js'
import { forbidden, invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { jobQueue } from '../../../lib/job-queue/job-queue.js'
import { paginationQuery } from '../../../middlewares/validation/fields.js'
import { formatActorFollow } from '../../../models/actor/formatters/actor-follow-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** The instance's follows (its server actor's): PeerTube's /server/following and /server/followers. */
export const serverFollowsRouter = new ApiRouter('/api/v1')

const listQuery = paginationQuery([ 'createdAt', 'state', 'score' ], '-createdAt').extend({
  state: z.enum(FOLLOW_STATES, { message: `Should have a state among: ${FOLLOW_STATES.join(', ')}` }).optional(),
  actorType: z.enum(ACTOR_TYPES, { message: `Should have an actor type among: ${ACTOR_TYPES.join(', ')}` }).optional(),
  search: z.string().max(250).optional()
})

serverFollowsRouter.get('/server/followers', {
  operationId: 'getServerFollowers',
  summary: 'List the actors following this instance',
  tags: [ 'Instance Follows' ],
  auth: 'none',
  query: listQuery
}, async ({ query }, _req, res) => {
  const serverActor = await getServerActor()
  const { total, data } = await listFollows({ ...query, targetActorId: serverActor.id })
  res.json({ total, data: data.map(formatActorFollow) })
})

serverFollowsRouter.get('/server/following', {
  operationId: 'getServerFollowing',
  summary: 'List the actors this instance follows',
  tags: [ 'Instance Follows' ],
  auth: 'none',
  query: listQuery
}, async ({ query }, _req, res) => {
  const serverActor = await getServerActor()
  const { total, data } = await listFollows({ ...query, actorId: serverActor.id })
  res.json({ total, data: data.map(formatActorFollow) })
})

/** `https://host/` and `Host` are the same host. */
function normalizeHost (value: string) {
  return value.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase()
}

const remoteHost = z.string().transform(normalizeHost).refine(host => isValidRemoteHost(host) && host !== WEBSERVER.HOST.toLowerCase(), {
  message: 'Should have valid hosts of other instances'
})

const remoteHandle = z.string().transform(value => value.trim().replace(/^@/, '')).refine(handle => {
  const at = handle.indexOf('@')
  if (at <= 0) return false
  const host = handle.slice(at + 1).toLowerCase()
  return isValidRemoteHost(host) && host !== WEBSERVER.HOST.toLowerCase()
}, { message: 'Should have valid handles (name@host) of actors of other instances' })

const followBody = z.object({
  hosts: z.array(remoteHost).max(100).optional(),
  handles: z.array(remoteHandle).max(100).optional()
})

serverFollowsRouter.post('/server/following', {
  operationId: 'addServerFollowing',
  summary: 'Follow instances (their server actor), channels or accounts',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  body: followBody,
  responses: { 204: 'The follows are queued' }
}, async ({ body }, _req, res) => {
  const hosts = [ ...new Set(body.hosts ?? []) ]
  const handles = [ ...new Set(body.handles ?? []) ]
  if (hosts.length === 0 && handles.length === 0) throw invalidField('body', 'hosts', 'Should have hosts or handles to follow', body.hosts)

  for (const host of hosts) await jobQueue.createJob('activitypub-follow', { host, name: SERVER_ACTOR_NAME })
  for (const handle of handles) {
    const at = handle.indexOf('@')
    await jobQueue.createJob('activitypub-follow', { name: handle.slice(0, at), host: handle.slice(at + 1).toLowerCase() })
  }
  res.sendStatus(204)
})

/** A stored remote actor from `name@host`, or a host alone for its server actor. */
async function loadRemoteActor (hostOrHandle: string) {
  const at = hostOrHandle.indexOf('@')
  const name = at === -1 ? SERVER_ACTOR_NAME : hostOrHandle.slice(0, at)
  const host = normalizeHost(at === -1 ? hostOrHandle : hostOrHandle.slice(at + 1))
  return loadRemoteActorByHandle(name, host)
}

serverFollowsRouter.delete('/server/following/:hostOrHandle', {
  operationId: 'deleteServerFollowing',
  summary: 'Stop following an instance, a channel or an account',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: z.object({ hostOrHandle: z.string().min(1).max(300) })
}, async ({ params }, _req, res) => {
  const serverActor = await getServerActor()
  const target = await loadRemoteActor(params.hostOrHandle)
  const follow = target ? await loadFollowBetween(serverActor.id, target.id) : null
  if (!follow) throw notFound(`This instance does not follow ${params.hostOrHandle}`)

  await unfollow(follow)
  res.sendStatus(204)
})

const followerParams = z.object({ nameWithHost: z.string().min(3).max(300) })

async function loadFollowerFollow (nameWithHost: string) {
  const serverActor = await getServerActor()
  const follower = nameWithHost.includes('@') ? await loadRemoteActor(nameWithHost) : null
  const follow = follower ? await loadFollowBetween(follower.id, serverActor.id) : null
  if (!follow) throw notFound(`${nameWithHost} does not follow this instance`)
  return follow
}

serverFollowsRouter.post('/server/followers/:nameWithHost/accept', {
  operationId: 'acceptServerFollower',
  summary: 'Accept a pending follower of this instance',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: followerParams
}, async ({ params }, _req, res) => {
  const follow = await loadFollowerFollow(params.nameWithHost)
  if (follow.state !== 'pending') throw forbidden(`The follow of ${params.nameWithHost} is not pending`)

  await acceptFollower(follow)
  res.sendStatus(204)
})

serverFollowsRouter.post('/server/followers/:nameWithHost/reject', {
  operationId: 'rejectServerFollower',
  summary: 'Reject a pending follower of this instance',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: followerParams
}, async ({ params }, _req, res) => {
  const follow = await loadFollowerFollow(params.nameWithHost)
  if (follow.state !== 'pending') throw forbidden(`The follow of ${params.nameWithHost} is not pending`)

  await rejectFollower(follow)
  res.sendStatus(204)
})

serverFollowsRouter.delete('/server/followers/:nameWithHost', {
  operationId: 'removeServerFollower',
  summary: 'Remove (or reject) a follower of this instance',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: followerParams
}, async ({ params }, _req, res) => {
  const follow = await loadFollowerFollow(params.nameWithHost)
  await removeFollower(follow)
  res.sendStatus(204)
})
