import { UserRight } from '../../../../shared/models/users.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { createLocalUser } from '../../../lib/users/create-local-user.js'
import { deleteUser } from '../../../lib/users/delete-user.js'
import { getUserVideoQuotaUsed, getUserVideoQuotaUsedDaily } from '../../../lib/users/quota.js'
import { setUserBlocked, updateUserAsModerator } from '../../../lib/users/update-user.js'
import { ensureCanGrantRole, ensureCanManageUser, ensureNotRoot } from '../../../lib/users/user-management-rules.js'
import { listUsers, loadUserWithAccount } from '../../../lib/users/user-finders.js'
import { listAllChannelsOfAccount } from '../../../lib/video-channels/channel-finders.js'
import { addUserBody, blockUserBody, listUsersQuery, updateUserBody, userIdParams } from '../../../middlewares/validation/users.js'
import { formatUser } from '../../../models/user/formatters/user-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** User management for administrators and moderators (MANAGE_USERS); who may touch whom is in user-management-rules. */
export const manageUsersRouter = new ApiRouter('/api/v1')

async function loadTarget (id: number) {
  const target = await loadUserWithAccount(id)
  if (!target) throw notFound('User not found')
  return target
}

async function quotaOf (userId: number) {
  const [ videoQuotaUsed, videoQuotaUsedDaily ] = await Promise.all([ getUserVideoQuotaUsed(userId), getUserVideoQuotaUsedDaily(userId) ])
  return { videoQuotaUsed, videoQuotaUsedDaily }
}

manageUsersRouter.post('/users', {
  operationId: 'addUser',
  summary: 'Create a user (a moderator may create users with the User role only)',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  body: addUserBody,
  responses: { 200: 'User created', 400: 'Invalid field', 403: 'Cannot grant this role', 409: 'Username, email or channel name taken' }
}, async ({ user, body }, _req, res) => {
  ensureCanGrantRole(user, body.role)

  const created = await createLocalUser({
    username: body.username,
    email: body.email,
    password: body.password,
    role: body.role,
    videoQuota: body.videoQuota,
    videoQuotaDaily: body.videoQuotaDaily,
    adminFlags: body.adminFlags,
    channel: body.channelName ? { name: body.channelName } : undefined
  })
  res.json({ user: { id: created.user.id, account: { id: created.account.id } } })
})

manageUsersRouter.get('/users', {
  operationId: 'getUsers',
  summary: 'List users',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  query: listUsersQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await listUsers(query)
  const quotas = await Promise.all(data.map(user => quotaOf(user.id)))
  res.json({ total, data: data.map((user, i) => formatUser(user, { quota: quotas[i] })) })
})

manageUsersRouter.get('/users/:id', {
  operationId: 'getUser',
  summary: 'Get a user, with their channels and used quota',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  params: userIdParams
}, async ({ params }, _req, res) => {
  const target = await loadTarget(params.id)
  const [ channels, quota ] = await Promise.all([ listAllChannelsOfAccount(target.Account!.id), quotaOf(target.id) ])
  res.json(formatUser(target, { channels, quota }))
})

manageUsersRouter.put('/users/:id', {
  operationId: 'putUser',
  summary: 'Update a user (role, quotas, email, password)',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  params: userIdParams,
  body: updateUserBody,
  responses: { 204: 'Updated', 400: 'Invalid field, or the root user\'s role', 403: 'Not allowed on this user or role', 404: 'No such user' }
}, async ({ user, params, body }, _req, res) => {
  const target = await loadTarget(params.id)
  ensureCanManageUser(user, target)
  if (body.role !== undefined && body.role !== target.role) {
    ensureNotRoot(target, 'change the role of')
    ensureCanGrantRole(user, body.role)
  }

  await updateUserAsModerator(target, body)
  res.sendStatus(204)
})

manageUsersRouter.delete('/users/:id', {
  operationId: 'delUser',
  summary: 'Delete a user with their account, channels and sessions',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  params: userIdParams,
  responses: { 204: 'Deleted', 400: 'The root user cannot be deleted', 403: 'Not allowed on this user', 404: 'No such user' }
}, async ({ user, params }, _req, res) => {
  const target = await loadTarget(params.id)
  ensureNotRoot(target, 'delete')
  ensureCanManageUser(user, target)

  await deleteUser(target)
  res.sendStatus(204)
})

manageUsersRouter.post('/users/:id/block', {
  operationId: 'blockUser',
  summary: 'Block a user (optional reason): they are logged out and cannot log in',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  params: userIdParams,
  body: blockUserBody,
  responses: { 204: 'Blocked', 400: 'Invalid reason, or the root user', 403: 'Not allowed on this user', 404: 'No such user' }
}, async ({ user, params, body }, _req, res) => {
  const target = await loadTarget(params.id)
  ensureNotRoot(target, 'block')
  ensureCanManageUser(user, target)

  await setUserBlocked(target, true, body.reason)
  res.sendStatus(204)
})

manageUsersRouter.post('/users/:id/unblock', {
  operationId: 'unblockUser',
  summary: 'Unblock a user',
  tags: [ 'Users' ],
  auth: 'required',
  right: UserRight.MANAGE_USERS,
  params: userIdParams,
  responses: { 204: 'Unblocked', 403: 'Not allowed on this user', 404: 'No such user' }
}, async ({ user, params }, _req, res) => {
  const target = await loadTarget(params.id)
  ensureCanManageUser(user, target)

  await setUserBlocked(target, false)
  res.sendStatus(204)
})
