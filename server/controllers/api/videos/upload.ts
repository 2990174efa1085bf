import type { NextFunction, Request, Response } from 'express'
import { ensureDiskSpaceForUpload } from '../../../lib/uploads/disk-space.js'
import { createVideoFromUpload } from '../../../lib/videos/create-video.js'
import { invalidField } from '../../../lib/http-problems/http-problem.js'
import { uploadedFile, videoMultipart } from '../../../middlewares/video-upload.js'
import { videoUploadBody, withSafeExtension } from '../../../middlewares/validation/videos.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videoUploadRouter = new ApiRouter('/api/v1')

async function refuseWhenDiskFull (req: Request, _res: Response, next: NextFunction) {
  const length = Number(req.header('content-length'))
  await ensureDiskSpaceForUpload(Number.isFinite(length) ? length : 0)
  next()
}

videoUploadRouter.post('/videos/upload', {
  operationId: 'uploadLegacy',
  summary: 'Upload a video in one multipart request',
  tags: [ 'Video', 'Video Upload' ],
  auth: 'required',
  // The announced size is checked against the free space before a byte is stored.
  before: [ refuseWhenDiskFull, ...videoMultipart() ],
  body: videoUploadBody,
  bodyContentType: 'multipart/form-data',
  responses: { 200: 'The video was created', 400: 'Invalid metadata or file', 403: 'Not your channel, or quota reached', 413: 'File too large', 507: 'Not enough disk space on the server' }
}, async ({ body, user }, req, res) => {
  const videofile = uploadedFile(req, 'videofile')
  if (!videofile) throw invalidField('files', 'videofile', 'Should have a video file (field videofile)')

  const { video, finish } = await createVideoFromUpload({
    user,
    fields: body,
    // The name's extension becomes the stored source's: an unusable one is dropped, as for resumable uploads.
    file: { path: videofile.path, originalName: withSafeExtension(videofile.originalname), size: videofile.size },
    thumbnailUpload: uploadedFile(req, 'thumbnailfile')?.path,
    previewUpload: uploadedFile(req, 'previewfile')?.path
  })

  // PeerTube's CLI reads the video's files right after this answer: the fast-start copy is made first.
  await finish()
  res.json({ video: { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid) } })
})
