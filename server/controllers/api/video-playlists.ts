import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../shared/models/playlists.js'
import { toShortUuid } from '../../helpers/uuid.js'
import { VIDEO_PLAYLIST_PRIVACIES } from '../../initializers/constants/playlists.js'
import { loadAccountByHandle } from '../../lib/accounts/account-finders.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { publicListScope } from '../../lib/activitypub/trust/content-policy.js'
import { loadManageablePlaylist, loadVisiblePlaylist } from '../../lib/playlists/playlist-access.js'
import { createPlaylist, deletePlaylist, updatePlaylist } from '../../lib/playlists/manage-playlists.js'
import { listPlaylistsForApi } from '../../lib/playlists/playlist-lists.js'
import { loadChannelByHandle } from '../../lib/video-channels/channel-finders.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import { uploadedFile, videoImagesMultipart } from '../../middlewares/video-upload.js'
import { createPlaylistBody, listPlaylistsQuery, playlistIdParams, searchPlaylistsQuery, updatePlaylistBody } from '../../middlewares/validation/playlists.js'
import { channelHandleParams } from '../../middlewares/validation/video-channels.js'
import { formatPlaylist } from '../../models/video/formatters/playlist-formatter.js'
import { ApiRouter } from '../shared/api-router.js'
import { z } from 'zod'

/** Playlists: PeerTube's routes. Their elements are in video-playlist-elements.ts. */
export const videoPlaylistsRouter = new ApiRouter('/api/v1')

const ALL_PRIVACIES = Object.values(VideoPlaylistPrivacy)

videoPlaylistsRouter.get('/video-playlists/privacies', {
  operationId: 'getPlaylistPrivacyPolicies',
  summary: 'List the playlist privacies',
  tags: [ 'Video Playlists' ],
  auth: 'none'
}, (_ctx, _req, res) => {
  res.json(VIDEO_PLAYLIST_PRIVACIES)
})

videoPlaylistsRouter.get('/video-playlists', {
  operationId: 'getPlaylists',
  summary: 'List the public playlists this instance lists: local ones, and remote ones of channels, accounts or instances it follows',
  tags: [ 'Video Playlists' ],
  auth: 'optional',
  query: listPlaylistsQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await listPlaylistsForApi({
    ...query, type: query.playlistType, privacies: [ VideoPlaylistPrivacy.PUBLIC ], ...await publicListScope()
  })
  res.json({ total, data: data.map(formatPlaylist) })
})

videoPlaylistsRouter.post('/video-playlists', {
  operationId: 'addPlaylist',
  summary: 'Create a playlist (public and unlisted ones need one of my channels)',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  before: videoImagesMultipart(),
  body: createPlaylistBody,
  bodyContentType: 'multipart/form-data',
  responses: { 200: '{ videoPlaylist: { id, uuid, shortUUID } }', 400: 'Invalid field (named)' }
}, async ({ body, user }, req, res) => {
  const playlist = await createPlaylist(user, body, uploadedFile(req, 'thumbnailfile')?.path)
  res.json({ videoPlaylist: { id: playlist.id, uuid: playlist.uuid, shortUUID: toShortUuid(playlist.uuid) } })
})

videoPlaylistsRouter.get('/video-playlists/:playlistId', {
  operationId: 'getVideoPlaylist',
  summary: 'Get a playlist (id, UUID or short UUID)',
  tags: [ 'Video Playlists' ],
  auth: 'optional',
  params: playlistIdParams
}, async ({ params, user }, _req, res) => {
  res.json(formatPlaylist(await loadVisiblePlaylist(params.playlistId, user)))
})

videoPlaylistsRouter.put('/video-playlists/:playlistId', {
  operationId: 'putVideoPlaylist',
  summary: 'Update a playlist',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistIdParams,
  before: videoImagesMultipart(),
  body: updatePlaylistBody,
  bodyContentType: 'multipart/form-data',
  responses: { 204: 'Updated', 400: 'Invalid field, or a watch later playlist', 403: 'Not yours' }
}, async ({ params, body, user }, req, res) => {
  const playlist = await loadManageablePlaylist(params.playlistId, user)
  await updatePlaylist(playlist, user, body, uploadedFile(req, 'thumbnailfile')?.path)
  res.sendStatus(204)
})

videoPlaylistsRouter.delete('/video-playlists/:playlistId', {
  operationId: 'delVideoPlaylist',
  summary: 'Delete a playlist',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistIdParams,
  responses: { 204: 'Deleted', 400: 'A watch later playlist', 403: 'Not yours' }
}, async ({ params, user }, _req, res) => {
  await deletePlaylist(await loadManageablePlaylist(params.playlistId, user, 'delete'))
  res.sendStatus(204)
})

/**
 * As for their videos: logged-in users see the public playlists of any stored channel or account, visitors only
 * local ones and those the instance follows.
 */
async function ownerListScope (user: AuthenticatedUser | undefined) {
  return user ? {} : publicListScope()
}

/** What of an owner's playlists a viewer sees: all of them for the owner, public ones for anyone else. */
function privaciesFor (user: AuthenticatedUser | undefined, ownerAccountId: number) {
  return user && user.Account.id === ownerAccountId ? ALL_PRIVACIES : [ VideoPlaylistPrivacy.PUBLIC ]
}

videoPlaylistsRouter.get('/accounts/:name/video-playlists', {
  operationId: 'getAccountPlaylists',
  summary: 'List the playlists of an account (private ones and watch later for its owner)',
  tags: [ 'Video Playlists', 'Accounts' ],
  auth: 'optional',
  params: z.object({ name: z.string().min(1) }),
  query: listPlaylistsQuery
}, async ({ params, query, user }, _req, res) => {
  const account = await loadAccountByHandle(params.name)
  if (!account) throw notFound('Account not found')
  const privacies = privaciesFor(user, account.id)
  const { total, data } = await listPlaylistsForApi({
    ...query,
    ownerAccountId: account.id,
    privacies,
    ...await ownerListScope(user),
    // Watch later is its owner's only.
    type: privacies === ALL_PRIVACIES ? query.playlistType : VideoPlaylistType.REGULAR
  })
  res.json({ total, data: data.map(formatPlaylist) })
})

videoPlaylistsRouter.get('/video-channels/:channelHandle/video-playlists', {
  operationId: 'getVideoChannelPlaylists',
  summary: 'List the playlists shown on a channel',
  tags: [ 'Video Playlists', 'Video Channels' ],
  auth: 'optional',
  params: channelHandleParams,
  query: listPlaylistsQuery
}, async ({ params, query, user }, _req, res) => {
  const channel = await loadChannelByHandle(params.channelHandle)
  if (!channel) throw notFound('Video channel not found')
  const { total, data } = await listPlaylistsForApi({
    ...query,
    videoChannelId: channel.id,
    privacies: privaciesFor(user, channel.accountId as number),
    ...await ownerListScope(user),
    type: VideoPlaylistType.REGULAR
  })
  res.json({ total, data: data.map(formatPlaylist) })
})

videoPlaylistsRouter.get('/search/video-playlists', {
  operationId: 'searchPlaylists',
  summary: 'Search the listed public playlists (local, or followed by the instance) by name (accent- and case-insensitive, typo-tolerant)',
  tags: [ 'Search' ],
  auth: 'optional',
  query: searchPlaylistsQuery
}, async ({ query }, _req, res) => {
  const sort = !query.search && query.sort === '-match' ? '-updatedAt' : query.sort
  const { total, data } = await listPlaylistsForApi({
    ...query, sort, privacies: [ VideoPlaylistPrivacy.PUBLIC ], type: VideoPlaylistType.REGULAR, ...await publicListScope()
  })
  res.json({ total, data: data.map(formatPlaylist) })
})
