import type { NextFunction, Request, Response } from 'express'
import { ActorImageType, type ActorImageTypeValue } from '../../../shared/models/actor-images.js'
import { deleteActorImage, replaceActorImage } from '../../lib/actor-images/update-actor-image.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { listChannels, loadChannelByHandle } from '../../lib/video-channels/channel-finders.js'
import { ensureCanDeleteChannel, ensureCanEditChannel } from '../../lib/video-channels/channel-rights.js'
import { createVideoChannel, deleteVideoChannel, updateVideoChannel } from '../../lib/video-channels/manage-channels.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import { actorImageUpload, type ActorImageField } from '../../middlewares/validation/actor-image-file.js'
import { paginationQuery } from '../../middlewares/validation/fields.js'
import { channelHandleParams, createChannelBody, updateChannelBody } from '../../middlewares/validation/video-channels.js'
import { formatVideoChannel } from '../../models/account/formatters/video-channel-formatter.js'
import type { VideoChannelModel } from '../../models/account/video-channel.js'
import { ApiRouter } from '../shared/api-router.js'

export const videoChannelsRouter = new ApiRouter('/api/v1')

/** `name` or `name@host`; 404 when unknown. */
async function loadChannel (handle: string) {
  const channel = await loadChannelByHandle(handle)
  if (!channel) throw notFound('Video channel not found')
  return channel
}

/**
 * Finds the channel and checks the user may edit it before an upload is read, so a refused request does not
 * cost a 4 MB transfer. The handler finds it in res.locals.channel.
 */
async function loadEditableChannel (req: Request, res: Response, next: NextFunction) {
  const channel = await loadChannel(String(req.params.channelHandle))
  ensureCanEditChannel(res.locals.user as AuthenticatedUser, channel)
  res.locals.channel = channel
  next()
}

videoChannelsRouter.get('/video-channels', {
  operationId: 'getVideoChannels',
  summary: 'List video channels',
  tags: [ 'Video Channels' ],
  auth: 'none',
  query: paginationQuery([ 'id', 'name', 'updatedAt', 'createdAt' ], '-createdAt')
}, async ({ query }, _req, res) => {
  const { total, data } = await listChannels(query)
  res.json({ total, data: data.map(formatVideoChannel) })
})

videoChannelsRouter.post('/video-channels', {
  operationId: 'addVideoChannel',
  summary: 'Create a video channel',
  tags: [ 'Video Channels' ],
  auth: 'required',
  body: createChannelBody,
  responses: { 200: 'Channel created', 400: 'Invalid field or too many channels', 409: 'Name already taken on this instance' }
}, async ({ user, body }, _req, res) => {
  const channel = await createVideoChannel(user.Account, body)
  res.json({ videoChannel: { id: channel.id } })
})

videoChannelsRouter.get('/video-channels/:channelHandle', {
  operationId: 'getVideoChannel',
  summary: 'Get a video channel',
  tags: [ 'Video Channels' ],
  auth: 'none',
  params: channelHandleParams,
  responses: { 200: 'The channel', 404: 'Channel not found' }
}, async ({ params }, _req, res) => {
  res.json(formatVideoChannel(await loadChannel(params.channelHandle)))
})

videoChannelsRouter.put('/video-channels/:channelHandle', {
  operationId: 'putVideoChannel',
  summary: 'Update a video channel (owner only)',
  tags: [ 'Video Channels' ],
  auth: 'required',
  params: channelHandleParams,
  body: updateChannelBody,
  responses: { 204: 'Updated', 403: 'Not the owner', 404: 'Channel not found' }
}, async ({ user, params, body }, _req, res) => {
  const channel = await loadChannel(params.channelHandle)
  ensureCanEditChannel(user, channel)

  await updateVideoChannel(channel, body)
  res.sendStatus(204)
})

videoChannelsRouter.delete('/video-channels/:channelHandle', {
  operationId: 'delVideoChannel',
  summary: 'Delete a video channel and its videos (owner, or REMOVE_ANY_VIDEO_CHANNEL); never a user\'s last one',
  tags: [ 'Video Channels' ],
  auth: 'required',
  params: channelHandleParams,
  responses: { 204: 'Deleted', 403: 'Not allowed', 404: 'Channel not found', 409: 'Last channel of its user' }
}, async ({ user, params }, _req, res) => {
  const channel = await loadChannel(params.channelHandle)
  ensureCanDeleteChannel(user, channel)

  await deleteVideoChannel(channel)
  res.sendStatus(204)
})

function registerImageRoutes (kind: 'avatar' | 'banner', type: ActorImageTypeValue, field: ActorImageField, operation: string) {
  const plural = `${kind}s`

  videoChannelsRouter.post(`/video-channels/:channelHandle/${kind}/pick`, {
    operationId: `update${operation}`,
    summary: `Update the channel ${kind} (multipart field ${field}), resized to every ${kind} size`,
    tags: [ 'Video Channels' ],
    auth: 'required',
    params: channelHandleParams,
    before: [ loadEditableChannel, actorImageUpload(field) ],
    bodyContentType: 'multipart/form-data',
    responses: { 200: `The new ${plural}`, 400: 'Not an image', 403: 'Not the owner', 404: 'Channel not found', 413: 'Image too large' }
  }, async (_ctx, req, res) => {
    const channel = res.locals.channel as VideoChannelModel
    const images = await replaceActorImage(channel.actorId, type, req.file!.buffer, field)
    res.json({ [plural]: images.map(image => image.toFormattedJSON()) })
  })

  videoChannelsRouter.delete(`/video-channels/:channelHandle/${kind}`, {
    operationId: `delete${operation}`,
    summary: `Delete the channel ${kind}`,
    tags: [ 'Video Channels' ],
    auth: 'required',
    params: channelHandleParams,
    responses: { 204: 'Deleted', 403: 'Not the owner', 404: 'Channel not found' }
  }, async ({ user, params }, _req, res) => {
    const channel = await loadChannel(params.channelHandle)
    ensureCanEditChannel(user, channel)

    await deleteActorImage(channel.actorId, type)
    res.sendStatus(204)
  })
}

registerImageRoutes('avatar', ActorImageType.AVATAR, 'avatarfile', 'VideoChannelAvatar')
registerImageRoutes('banner', ActorImageType.BANNER, 'bannerfile', 'VideoChannelBanner')
