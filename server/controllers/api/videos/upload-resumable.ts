import type { Request, Response } from 'express'
import { z } from 'zod'
import { CONFIG } from '../../../initializers/config/index.js'
import { badRequest, conflict, forbidden, HttpProblem, insufficientStorage, invalidField, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { ChunkInterruptedError, resumableUploads, TooManyBytesError } from '../../../lib/uploads/resumable-upload-store.js'
import { finishResumableUpload, recoverFinishingUpload } from '../../../lib/uploads/finish-resumable-upload.js'
import { ensureDiskSpaceForUpload } from '../../../lib/uploads/disk-space.js'
import { withUploadSessionLock } from '../../../lib/uploads/upload-session-lock.js'
import type { AuthenticatedUser } from '../../../middlewares/auth.js'
import { loadChannelForUpload } from '../../../lib/videos/create-video.js'
import { checkUserQuota } from '../../../lib/users/quota.js'
import { resumableUploadInitBody, videoUploadBody } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'
import { faultPoint } from '../../../helpers/fault-points.js'

// PeerTube's resumable upload protocol (that of its web client and apps): POST the metadata, PUT the bytes in
// chunks with Content-Range, 308 + Range until the last one, which answers with the video.

export const videoResumableUploadRouter = new ApiRouter('/api/v1')

/** How long the rest of a refused chunk is read (and dropped) before its connection is cut. */
const REFUSED_CHUNK_LINGER_MS = 1000

const uploadIdQuery = z.object({ upload_id: z.string({ message: 'Should have an upload_id' }).min(1, 'Should have an upload_id') })

videoResumableUploadRouter.post('/videos/upload-resumable', {
  operationId: 'uploadResumableInit',
  summary: 'Start a resumable upload: metadata now, bytes with PUT',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  body: resumableUploadInitBody,
  responses: {
    201: 'Upload created: PUT the bytes to the Location',
    400: 'Invalid metadata',
    403: 'Not your channel, or quota reached',
    413: 'File too large',
    507: 'Not enough disk space on the server'
  }
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
  await ensureDiskSpaceForUpload(size)

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
  responses: {
    200: 'Last chunk: the video',
    308: 'More to send (Range says what arrived)',
    400: 'Content-Range or Content-Length wrong, or more bytes than announced',
    404: 'Unknown upload',
    409: 'Chunk leaves a gap',
    503: 'Another request is working on this upload (Retry-After)'
  }
}, async ({ query, user }, req, res) => {
  const { id, size } = await loadOwnSession(query.upload_id, user)
  const range = parseContentRange(req, res, size)

  // One request at a time per session: two writers would append over each other, two completions make two videos.
  await withUploadSessionLock(id, async () => {
    // The request that held the lock may have finished or cancelled the upload.
    const session = await loadOwnSession(id, user)
    // A client that lost the answer to its last chunk asks again: same answer, same video.
    if (session.result) return res.json({ video: session.result })
    if (session.videoUuid) {
      const found = await recoverFinishingUpload(session)
      if (found) return res.json({ video: found })
    }

    let received = await resumableUploads.receivedBytes(session.id)
    if (range.kind === 'chunk') {
      if (range.start > received) throw conflict(`Chunk starts at ${range.start} but only ${received} bytes arrived: resume from there`)
      received = await writeChunk(req, res, session.id, range)
    }

    if (received < session.size) {
      faultPoint('resumable-chunk-written')
      if (received > 0) res.set('Range', `bytes=0-${received - 1}`)
      res.status(308).set('Content-Length', '0').end()
      return
    }

    // Answered with the video first; the fast-start copy runs after, a large file's must not outlast the client.
    const { result, finish } = await finishResumableUpload(session, user, videoUploadBody.parse(session.metadata))
    res.json({ video: result })
    void finish()
  })
})

videoResumableUploadRouter.delete('/videos/upload-resumable', {
  operationId: 'uploadResumableCancel',
  summary: 'Cancel a resumable upload and drop what was received',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  query: uploadIdQuery,
  responses: { 204: 'Cancelled', 404: 'Unknown upload', 503: 'Another request is working on this upload (Retry-After)' }
}, async ({ query, user }, _req, res) => {
  const { id } = await loadOwnSession(query.upload_id, user)
  await withUploadSessionLock(id, async () => {
    await loadOwnSession(id, user)
    await resumableUploads.remove(id)
  })
  res.sendStatus(204)
})

async function loadOwnSession (uploadId: string, user: AuthenticatedUser) {
  const session = await resumableUploads.load(uploadId)
  if (!session) throw notFound('No such upload: it finished, was cancelled or expired')
  if (session.userId !== user.id) throw forbidden('This upload is not yours', ProblemCode.NOT_ALLOWED)
  return session
}

/**
 * Streams the chunk to the part file, never past what its Content-Range announced. A chunk that grows past that is
 * refused as soon as the excess arrives: none of it reaches the disk, the chunk is dropped (the client resends it)
 * and the connection is cut.
 */
async function writeChunk (req: Request, res: Response, uploadId: string, range: ChunkRange) {
  const announced = range.end - range.start + 1
  try {
    return await resumableUploads.writeChunk(uploadId, range.start, announced, req)
  } catch (err) {
    if (err instanceof TooManyBytesError) {
      throw refuseChunk(req, res, 'Content-Range', `Should not send more than the ${announced} bytes announced by Content-Range`, req.header('content-range'))
    }
    // Nobody reads this answer; the bytes that arrived are kept for the client to resume from.
    if (err instanceof ChunkInterruptedError) throw badRequest('The connection closed before the chunk ended')
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw insufficientStorage('The server has no disk space left: send this chunk again later')
    throw err
  }
}

/**
 * A 400 naming a header, for a chunk whose body we stop reading into the part file. What the client still sends is
 * read and dropped for a moment, then the connection is cut if it is still sending. Closing at once (or with
 * Connection: close) would reset a connection with unread bytes, and clients often lose the answer with it.
 */
function refuseChunk (req: Request, res: Response, header: string, msg: string, value: unknown) {
  res.once('finish', () => discardRestOfBody(req))
  return new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${header}`,
    invalidParams: { [header]: { type: 'field', value, msg, path: header, location: 'headers' } }
  })
}

function discardRestOfBody (req: Request) {
  if (req.complete) return
  const timer = setTimeout(() => { if (!req.complete) req.destroy() }, REFUSED_CHUNK_LINGER_MS)
  timer.unref()
  const stop = () => clearTimeout(timer)
  req.once('end', stop)
  req.once('close', stop)
  req.resume()
}

type ChunkRange = { kind: 'chunk', start: number, end: number }
type ContentRange = ChunkRange | { kind: 'query' }

function parseContentRange (req: Request, res: Response, total: number): ContentRange {
  const header = req.header('content-range')
  if (!header) throw invalidField('headers', 'Content-Range', 'Should have a Content-Range: bytes start-end/total (or bytes */total)')

  if (/^bytes \*\/\d+$/.test(header.trim())) return { kind: 'query' }

  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim())
  if (!match) throw invalidField('headers', 'Content-Range', 'Should be bytes start-end/total', header)
  const [ start, end, announcedTotal ] = match.slice(1).map(Number)
  if (announcedTotal !== total || end < start || end >= total) {
    throw invalidField('headers', 'Content-Range', `Should describe a range inside the announced ${total} bytes`, header)
  }

  // Without Content-Length (chunked transfer) the byte count is enforced while reading; with one, it must agree.
  const length = req.header('content-length')
  if (length !== undefined && Number(length) !== end - start + 1) {
    throw refuseChunk(req, res, 'Content-Length', `Should be the ${end - start + 1} bytes announced by Content-Range`, length)
  }
  return { kind: 'chunk', start, end }
}
