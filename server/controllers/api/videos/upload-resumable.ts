import type { Request } from 'express'
import { z } from 'zod'
import { toShortUuid } from '../../../helpers/uuid.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { badRequest, conflict, forbidden, HttpProblem, invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { resumableUploads } from '../../../lib/uploads/resumable-upload-store.js'
import { createVideoFromUpload, loadChannelForUpload } from '../../../lib/videos/create-video.js'
import { checkUserQuota } from '../../../lib/users/quota.js'
import { resumableUploadInitBody, videoUploadBody } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

// PeerTube's resumable upload protocol (that of its web client and apps): POST the metadata, PUT the bytes in
// chunks with Content-Range, 308 + Range until the last one, which answers with the video.

export const videoResumableUploadRouter = new ApiRouter('/api/v1')

const uploadIdQuery = z.object({ upload_id: z.string({ message: 'Should have an upload_id' }).min(1, 'Should have an upload_id') })

videoResumableUploadRouter.post('/videos/upload-resumable', {
  operationId: 'uploadResumableInit',
  summary: 'Start a resumable upload: metadata now, bytes with PUT',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  body: resumableUploadInitBody,
  responses: { 201: 'Upload created: PUT the bytes to the Location', 400: 'Invalid metadata', 403: 'Not your channel, or quota reached', 413: 'File too large' }
}, async ({ body, user }, req, res) => {
  const size = parseInt(req.header('x-upload-content-length') ?? '', 10)
  if (!Number.isInteger(size) || size <= 0) {
    throw invalidField('headers', 'X-Upload-Content-Length', 'Should have the file size in X-Upload-Content-Length', req.header('x-upload-content-length'))
  }
  if (size > CONFIG.video.max_file_size) {
    throw new HttpProblem({ status: 413, detail: `The file is larger than the ${CONFIG.video.max_file_size} bytes allowed`, code: ProblemCode.MAX_FILE_SIZE_REACHED })
  }

  // Everything that can be refused is refused now, before a single byte is sent.
  await loadChannelForUpload(body.channelId, user)
  await checkUserQuota(user, size)

  const { filename, ...metadata } = body
  const session = await resumableUploads.create({
    userId: user.id,
    size,
    mimeType: req.header('x-upload-content-type') ?? 'application/octet-stream',
    filename,
    metadata
  })

  res.status(201)
    .location(`/api/v1/videos/upload-resumable?upload_id=${session.id}`)
    .set('Content-Length', '0')
    .end()
})

videoResumableUploadRouter.put('/videos/upload-resumable', {
  operationId: 'uploadResumable',
  summary: 'Send a chunk of a resumable upload (Content-Range: bytes start-end/total), or ask what arrived (bytes */total)',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  query: uploadIdQuery,
  responses: { 200: 'Last chunk: the video', 308: 'More to send (Range says what arrived)', 404: 'Unknown upload' }
}, async ({ query, user }, req, res) => {
  const session = await resumableUploads.load(query.upload_id)
  if (!session) throw notFound('No such upload: it finished, was cancelled or expired')
  if (session.userId !== user.id) throw forbidden('This upload is not yours', ProblemCode.NOT_ALLOWED)

  const range = parseContentRange(req, session.size)
  let received = await resumableUploads.receivedBytes(session.id)

  if (range.kind === 'chunk') {
    if (range.start > received) throw conflict(`Chunk starts at ${range.start} but only ${received} bytes arrived: resume from there`)
    received = await resumableUploads.writeChunk(session.id, range.start, req)
    if (received > session.size) {
      await resumableUploads.remove(session.id)
      throw badRequest('More bytes arrived than X-Upload-Content-Length announced: the upload is cancelled')
    }
  }

  if (received < session.size) {
    if (received > 0) res.set('Range', `bytes=0-${received - 1}`)
    res.status(308).set('Content-Length', '0').end()
    return
  }

  // The session is gone from here on: a retried last PUT must not create the video twice.
  await resumableUploads.remove(session.id, { keepPart: true })
  const partPath = resumableUploads.partPath(session.id)
  try {
    const fields = videoUploadBody.parse(session.metadata)
    const video = await createVideoFromUpload({
      user,
      fields,
      file: { path: partPath, originalName: session.filename, size: session.size }
    })
    res.json({ video: { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid) } })
  } finally {
    await resumableUploads.remove(session.id)
  }
})

videoResumableUploadRouter.delete('/videos/upload-resumable', {
  operationId: 'uploadResumableCancel',
  summary: 'Cancel a resumable upload and drop what was received',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  query: uploadIdQuery,
  responses: { 204: 'Cancelled', 404: 'Unknown upload' }
}, async ({ query, user }, _req, res) => {
  const session = await resumableUploads.load(query.upload_id)
  if (!session) throw notFound('No such upload')
  if (session.userId !== user.id) throw forbidden('This upload is not yours', ProblemCode.NOT_ALLOWED)
  await resumableUploads.remove(session.id)
  res.sendStatus(204)
})

type ContentRange = { kind: 'chunk', start: number, end: number } | { kind: 'query' }

function parseContentRange (req: Request, total: number): ContentRange {
  const header = req.header('content-range')
  if (!header) throw invalidField('headers', 'Content-Range', 'Should have a Content-Range: bytes start-end/total (or bytes */total)')

  if (/^bytes \*\/\d+$/.test(header.trim())) return { kind: 'query' }

  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim())
  if (!match) throw invalidField('headers', 'Content-Range', 'Should be bytes start-end/total', header)
  const [ start, end, announcedTotal ] = match.slice(1).map(Number)
  if (announcedTotal !== total || end < start || end >= total) {
    throw invalidField('headers', 'Content-Range', `Should describe a range inside the announced ${total} bytes`, header)
  }
  return { kind: 'chunk', start, end }
}
