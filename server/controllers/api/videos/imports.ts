import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { CONFIG } from '../../../initializers/config/index.js'
import { VIDEO_IMPORTS } from '../../../initializers/constants/video-imports.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { conflict } from '../../../lib/http-problems/http-problem.js'
import { createVideoImport } from '../../../lib/video-imports/create-video-import.js'
import { inspectMagnetUri, inspectTargetUrl, inspectTorrentFile, type ImportSource } from '../../../lib/video-imports/inspect-source.js'
import { refusedSource } from '../../../lib/video-imports/import-problems.js'
import {
  cancelImport, deleteEndedImport, listImportsOfUser, loadImportWithVideo, loadManageableImport
} from '../../../lib/video-imports/manage-imports.js'
import { uploadedFile, videoImportMultipart } from '../../../middlewares/video-upload.js'
import { paginationQuery, positiveIntId } from '../../../middlewares/validation/fields.js'
import { videoName, videoUploadBody } from '../../../middlewares/validation/videos.js'
import { formatVideoImport } from '../../../models/video/formatters/video-import-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videoImportsRouter = new ApiRouter('/api/v1')

const importBody = videoUploadBody.extend({
  // Imports may leave the name out: the source's name is used.
  name: videoName.optional(),
  targetUrl: z.string().max(2000, 'Should have a targetUrl of at most 2000 characters').optional(),
  magnetUri: z.string().max(2000, 'Should have a magnetUri of at most 2000 characters').optional()
})

const importIdParams = z.object({ id: positiveIntId })

videoImportsRouter.post('/videos/imports', {
  operationId: 'importVideo',
  summary: 'Import a video from a media URL, a .torrent file or a magnet link',
  description: 'Exactly one of `targetUrl`, `magnetUri` or a `torrentfile` part. The source is checked at once (a private address, ' +
    'a page that is not a video, a file over the size limit are refused with their reason); the download runs in a job, then the video is ' +
    'transcoded as an upload. Torrents are downloaded without DHT: a magnet needs a tracker (tr) or a web seed (ws).',
  tags: [ 'Video Imports', 'Video Upload' ],
  auth: 'required',
  before: videoImportMultipart(VIDEO_IMPORTS.TORRENT_FILE_MAX_BYTES),
  body: importBody,
  bodyContentType: 'multipart/form-data',
  responses: {
    200: 'The import was recorded (its video is in state "To import")',
    400: 'No source or several, an invalid source, a page that is not a video',
    403: 'Not your channel, or a source on a private address',
    409: 'This kind of import is not enabled',
    413: 'The video is larger than allowed, or the quota is reached'
  }
}, async ({ body, user }, req, res) => {
  const torrent = uploadedFile(req, 'torrentfile')
  const given = [ body.targetUrl, body.magnetUri, torrent ].filter(v => v !== undefined && v !== '')
  if (given.length !== 1) {
    throw refusedSource({
      status: 400,
      field: 'targetUrl',
      msg: given.length === 0 ? 'Should have a magnetUri or a targetUrl or a torrent file' : 'Should have only one of magnetUri, targetUrl or a torrent file'
    })
  }

  let source: ImportSource
  if (body.targetUrl) {
    if (!CONFIG.import.videos.http.enabled) throw conflict('HTTP import is not enabled on this instance.')
    source = await inspectTargetUrl(body.targetUrl)
  } else {
    if (!CONFIG.import.videos.torrent.enabled) throw conflict('Torrent/magnet URI import is not enabled on this instance.')
    source = body.magnetUri
      ? await inspectMagnetUri(body.magnetUri)
      : await inspectTorrentFile(await readFile(torrent!.path), torrent!.originalname)
  }

  const { videoImport } = await createVideoImport({
    user,
    fields: body,
    source,
    thumbnailUpload: uploadedFile(req, 'thumbnailfile')?.path,
    previewUpload: uploadedFile(req, 'previewfile')?.path
  })
  const loaded = await loadImportWithVideo(videoImport.id)
  const json = formatVideoImport(loaded!)
  // PeerTube answers the import with its video; clients read video.uuid / shortUUID from it.
  res.json({ ...json, video: json.video && { ...json.video, shortUUID: toShortUuid(String(json.video.uuid)) } })
})

videoImportsRouter.get('/users/me/videos/imports', {
  operationId: 'getMyVideoImports',
  summary: 'List my video imports',
  tags: [ 'My User', 'Video Imports' ],
  auth: 'required',
  query: paginationQuery([ 'createdAt' ], '-createdAt').extend({
    id: z.coerce.number().int().positive().optional(),
    targetUrl: z.string().max(2000).optional(),
    search: z.string().trim().min(1).max(250).optional(),
    videoChannelSyncId: z.coerce.number().int().optional()
  })
}, async ({ query, user }, _req, res) => {
  const result = await listImportsOfUser({ userId: user.id, ...query })
  res.json({ total: result.total, data: result.data.map(formatVideoImport) })
})

videoImportsRouter.post('/videos/imports/:id/cancel', {
  operationId: 'cancelVideoImport',
  summary: 'Cancel a pending or running video import (a running download stops within a second)',
  tags: [ 'Video Imports' ],
  auth: 'required',
  params: importIdParams,
  responses: { 204: 'Cancelled', 404: 'No such import', 403: 'Not your import', 409: 'The import is over' }
}, async ({ params, user }, _req, res) => {
  await cancelImport(await loadManageableImport(params.id, user))
  res.status(204).end()
})

videoImportsRouter.delete('/videos/imports/:id', {
  operationId: 'deleteVideoImport',
  summary: 'Delete a video import that is over (with its video, unless the import succeeded)',
  tags: [ 'Video Imports' ],
  auth: 'required',
  params: importIdParams,
  responses: { 204: 'Deleted', 404: 'No such import', 403: 'Not your import', 409: 'The import is still pending: cancel it first' }
}, async ({ params, user }, _req, res) => {
  await deleteEndedImport(await loadManageableImport(params.id, user))
  res.status(204).end()
})
