import { z } from 'zod'
import { toShortUuid } from '../../helpers/uuid.js'
import { withUserHistory } from '../../lib/history/watch-history.js'
import { loadManageablePlaylist, loadVisiblePlaylist, playlistVideoFilter } from '../../lib/playlists/playlist-access.js'
import { addPlaylistElement, removePlaylistElement, reorderPlaylistElements, updatePlaylistElement } from '../../lib/playlists/playlist-elements.js'
import { listElementsOfPlaylist, listElementsOfVideosInPlaylistsOf } from '../../lib/playlists/playlist-lists.js'
import { positiveIntId, queryArray } from '../../middlewares/validation/fields.js'
import {
  addElementBody, playlistElementParams, playlistElementsQuery, playlistIdParams, reorderBody, updateElementBody
} from '../../middlewares/validation/playlists.js'
import { formatPlaylistElement } from '../../models/video/formatters/playlist-formatter.js'
import { ApiRouter } from '../shared/api-router.js'

export const videoPlaylistElementsRouter = new ApiRouter('/api/v1')

videoPlaylistElementsRouter.get('/users/me/video-playlists/videos-exist', {
  operationId: 'getVideoPlaylistsExist',
  summary: 'For each video id, the elements of my playlists holding it (the add-to-playlist menu)',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  query: z.object({ videoIds: queryArray(positiveIntId, 100) })
}, async ({ query, user }, _req, res) => {
  const elements = await listElementsOfVideosInPlaylistsOf(user.Account.id, query.videoIds)
  const result: Record<number, unknown[]> = Object.fromEntries(query.videoIds.map(id => [ id, [] ]))
  for (const element of elements) {
    result[element.videoId as number].push({
      playlistElementId: element.id,
      playlistId: element.videoPlaylistId,
      playlistDisplayName: element.VideoPlaylist!.name,
      playlistShortUUID: toShortUuid(element.VideoPlaylist!.uuid),
      startTimestamp: element.startTimestamp,
      stopTimestamp: element.stopTimestamp
    })
  }
  res.json(result)
})

videoPlaylistElementsRouter.get('/video-playlists/:playlistId/videos', {
  operationId: 'getVideoPlaylistVideos',
  summary: 'List the elements of a playlist, in order (a video the viewer may not see is listed without it)',
  tags: [ 'Video Playlists' ],
  auth: 'optional',
  params: playlistIdParams,
  query: playlistElementsQuery
}, async ({ params, query, user }, _req, res) => {
  const playlist = await loadVisiblePlaylist(params.playlistId, user)
  const { total, data } = await listElementsOfPlaylist(playlist.id, query)
  const canSee = await playlistVideoFilter(data.flatMap(element => (element.Video ? [ element.Video ] : [])), user)
  const elements = data.map(element => formatPlaylistElement(element, canSee))
  const videos = await withUserHistory(user, elements.flatMap(e => (e.video ? [ e.video ] : [])))
  const byId = new Map(videos.map(v => [ v.id, v ]))
  res.json({ total, data: elements.map(e => (e.video ? { ...e, video: byId.get(e.video.id) } : e)) })
})

videoPlaylistElementsRouter.post('/video-playlists/:playlistId/videos', {
  operationId: 'addVideoPlaylistVideo',
  summary: 'Add a video to a playlist, optionally from startTimestamp to stopTimestamp (seconds)',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistIdParams,
  body: addElementBody,
  responses: { 200: '{ videoPlaylistElement: { id } }', 400: 'Invalid field (named): unknown or private video, timestamps outside the video' }
}, async ({ params, body, user }, _req, res) => {
  const playlist = await loadManageablePlaylist(params.playlistId, user)
  const element = await addPlaylistElement(playlist, user, body)
  res.json({ videoPlaylistElement: { id: element.id } })
})

videoPlaylistElementsRouter.post('/video-playlists/:playlistId/videos/reorder', {
  operationId: 'reorderVideoPlaylist',
  summary: 'Move reorderLength elements from startPosition to after insertAfterPosition (0: to the front)',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistIdParams,
  body: reorderBody,
  responses: { 204: 'Reordered', 400: 'Positions outside the playlist (named)' }
}, async ({ params, body, user }, _req, res) => {
  await reorderPlaylistElements(await loadManageablePlaylist(params.playlistId, user), body)
  res.sendStatus(204)
})

videoPlaylistElementsRouter.put('/video-playlists/:playlistId/videos/:playlistElementId', {
  operationId: 'putVideoPlaylistVideo',
  summary: 'Change the start and stop timestamps of an element',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistElementParams,
  body: updateElementBody,
  responses: { 204: 'Updated', 400: 'Timestamps outside the video (named)', 404: 'No such element in this playlist' }
}, async ({ params, body, user }, _req, res) => {
  await updatePlaylistElement(await loadManageablePlaylist(params.playlistId, user), params.playlistElementId, body)
  res.sendStatus(204)
})

videoPlaylistElementsRouter.delete('/video-playlists/:playlistId/videos/:playlistElementId', {
  operationId: 'delVideoPlaylistVideo',
  summary: 'Remove an element from a playlist',
  tags: [ 'Video Playlists' ],
  auth: 'required',
  params: playlistElementParams,
  responses: { 204: 'Removed', 404: 'No such element in this playlist' }
}, async ({ params, user }, _req, res) => {
  await removePlaylistElement(await loadManageablePlaylist(params.playlistId, user), params.playlistElementId)
  res.sendStatus(204)
})
