import { ActorImageType } from '../../../../shared/models/actor-images.js'
import { deleteActorImage, replaceActorImage } from '../../../lib/actor-images/update-actor-image.js'
import { loadNotificationSettings } from '../../../lib/notifications/notification-settings.js'
import { loadWatchLaterPlaylist } from '../../../lib/playlists/watch-later.js'
import { getUserVideoQuotaUsed, getUserVideoQuotaUsedDaily } from '../../../lib/users/quota.js'
import { updateMe } from '../../../lib/users/update-user.js'
import { deleteUser } from '../../../lib/users/delete-user.js'
import { ensureNotRoot } from '../../../lib/users/user-management-rules.js'
import { loadUserWithAccount } from '../../../lib/users/user-finders.js'
import { listAllChannelsOfAccount } from '../../../lib/video-channels/channel-finders.js'
import { actorImageUpload } from '../../../middlewares/validation/actor-image-file.js'
import { updateMeBody } from '../../../middlewares/validation/users.js'
import { formatMe } from '../../../models/user/formatters/user-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** /users/me...: the logged-in user's own profile, settings, quota and avatar. Registered before /users/:id. */
export const meRouter = new ApiRouter('/api/v1')

meRouter.get('/users/me', {
  operationId: 'getUserInfo',
  summary: 'Get my user information',
  tags: [ 'My User' ],
  auth: 'required'
}, async ({ user }, _req, res) => {
  const [ me, channels, notificationSettings, watchLater ] = await Promise.all([
    loadUserWithAccount(user.id),
    listAllChannelsOfAccount(user.Account.id),
    loadNotificationSettings(user.id),
    loadWatchLaterPlaylist(user.Account.id)
  ])
  const specialPlaylists = watchLater ? [ { id: watchLater.id, name: watchLater.name, type: watchLater.type } ] : []
  res.json(formatMe(me ?? user, channels, { notificationSettings, specialPlaylists }))
})

meRouter.put('/users/me', {
  operationId: 'putUserInfo',
  summary: 'Update my user information (password and email changes need currentPassword)',
  tags: [ 'My User' ],
  auth: 'required',
  body: updateMeBody,
  responses: { 204: 'Updated', 400: 'Invalid field', 401: 'currentPassword is invalid', 409: 'Email already taken' }
}, async ({ user, body }, _req, res) => {
  await updateMe(user.id, body)
  res.sendStatus(204)
})

// Not in PeerTube's OpenAPI document, but PeerTube's server has it (its web client's "Delete my account"): same
// path, same refusal of the root user, same 204.
meRouter.delete('/users/me', {
  operationId: 'deleteMe',
  summary: 'Delete my account: my videos, channels, avatar and sessions go with it (never the root user)',
  tags: [ 'My User' ],
  auth: 'required',
  responses: { 204: 'Deleted', 400: 'The root user cannot be deleted' }
}, async ({ user }, _req, res) => {
  const me = await loadUserWithAccount(user.id)
  if (!me) {
    res.sendStatus(204)
    return
  }
  ensureNotRoot(me, 'delete')
  await deleteUser(me)
  res.sendStatus(204)
})

meRouter.get('/users/me/video-quota-used', {
  operationId: 'getMyVideoQuotaUsed',
  summary: 'Get my used video quota, total and for the last 24 hours (bytes)',
  tags: [ 'My User' ],
  auth: 'required'
}, async ({ user }, _req, res) => {
  const [ videoQuotaUsed, videoQuotaUsedDaily ] = await Promise.all([
    getUserVideoQuotaUsed(user.id),
    getUserVideoQuotaUsedDaily(user.id)
  ])
  res.json({ videoQuotaUsed, videoQuotaUsedDaily })
})

meRouter.post('/users/me/avatar/pick', {
  operationId: 'updateMyAvatar',
  summary: 'Update my avatar (multipart field avatarfile), resized to every avatar size',
  tags: [ 'My User' ],
  auth: 'required',
  before: [ actorImageUpload('avatarfile') ],
  bodyContentType: 'multipart/form-data',
  responses: { 200: 'The new avatars', 400: 'Not an image', 413: 'Image too large' }
}, async ({ user }, req, res) => {
  const avatars = await replaceActorImage(user.Account.actorId, ActorImageType.AVATAR, req.file!.buffer, 'avatarfile')
  res.json({ avatars: avatars.map(image => image.toFormattedJSON()) })
})

meRouter.delete('/users/me/avatar', {
  operationId: 'deleteMyAvatar',
  summary: 'Delete my avatar',
  tags: [ 'My User' ],
  auth: 'required',
  responses: { 204: 'Deleted' }
}, async ({ user }, _req, res) => {
  await deleteActorImage(user.Account.actorId, ActorImageType.AVATAR)
  res.sendStatus(204)
})
