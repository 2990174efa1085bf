import type { Response } from 'express'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { audioBackgroundJpeg } from '../../../lib/runners/vod/audio-background.js'
import { loadPreviewOfJobVideo } from '../../../lib/runners/vod/vod-job-previews.js'
import type { VodPrivatePayload } from '../../../lib/runners/vod/vod-runner-jobs.js'
import { imagePathOnDisk } from '../../../lib/videos/video-images.js'
import { heldJobBody, jobFileParams } from '../../../middlewares/validation/runners.js'
import { ApiRouter } from '../../shared/api-router.js'
import { heldJob } from './runner-protocol.js'

/**
 * What a runner downloads for the job it holds (POST with its tokens, PeerTube's paths): the video's kept upload,
 * and its preview for an audio upload. Nothing else of the instance is reachable this way.
 */
export const runnerJobFilesRouter = new ApiRouter('/api/v1')

runnerJobFilesRouter.post('/runners/jobs/:jobUUID/files/videos/:videoId/max-quality', {
  operationId: 'getRunnerJobInputFile', summary: 'Download the source of the job\'s video', tags: [ 'Runner Jobs' ], auth: 'none',
  params: jobFileParams, body: heldJobBody
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING ])
  const privatePayload = job.privatePayload as VodPrivatePayload
  if (privatePayload.videoUUID !== params.videoId) throw forbidden('Job is not associated to this video')
  await sendFile(res, privatePayload.inputPath, 'The source of this video is gone')
})

runnerJobFilesRouter.post('/runners/jobs/:jobUUID/files/videos/:videoId/previews/max-quality', {
  operationId: 'getRunnerJobPreviewFile', summary: 'Download the preview of the job\'s video (audio uploads)', tags: [ 'Runner Jobs' ], auth: 'none',
  params: jobFileParams, body: heldJobBody
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING ])
  const privatePayload = job.privatePayload as VodPrivatePayload
  if (privatePayload.videoUUID !== params.videoId) throw forbidden('Job is not associated to this video')
  const preview = await loadPreviewOfJobVideo(privatePayload.videoUUID)
  if (preview === undefined) throw notFound('The video of this job is gone')
  // An audio upload without a picture of its own is shown over the plain background, as a local encode does.
  if (!preview) {
    res.type('image/jpeg').send(await audioBackgroundJpeg())
    return
  }
  await sendFile(res, imagePathOnDisk(preview), 'The preview of this video is gone')
})

function sendFile (res: Response, path: string, goneDetail: string) {
  return new Promise<void>((resolve, reject) => {
    res.sendFile(path, { dotfiles: 'allow' }, err => {
      if (!err) return resolve()
      if (res.headersSent) return resolve()
      reject(notFound(goneDetail))
    })
  })
}
