import { mkdir, rm } from 'node:fs/promises'
import { VideoImportState } from '../../../shared/models/video-imports.js'
import { VideoState } from '../../../shared/models/videos.js'
import { moveFile } from '../../helpers/fs/move-file.js'
import { VideoChapterModel } from '../../models/video/video-chapter.js'
import { VideoImportModel } from '../../models/video/video-import.js'
import { VideoModel } from '../../models/video/video.js'
import { ThumbnailModel } from '../../models/video/thumbnail.js'
import type { UserModel } from '../../models/user/user.js'
import { chaptersFromContainer } from '../chapters/video-chapters.js'
import { HttpProblem } from '../http-problems/http-problem.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { transcodingJobKey, type VideoTranscodingPayload } from '../transcoding/transcode-video.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { notifyMyVideoImportFinished } from '../notifications/index.js'
import { checkUserQuota } from '../users/quota.js'
import { inputFilesDir } from '../video-paths.js'
import { probeUploadedFile, uploadInputPath } from '../videos/create-video.js'
import { prepareVideoImages, recordVideoImages, removeImageFiles, type PreparedImage } from '../videos/video-images.js'
import { recordVideoSource } from '../videos/video-source.js'
import type { DownloadedFile } from './download-http.js'

/**
 * A downloaded file becomes the video's source, as an upload's would: probed (what is not a video is refused),
 * checked against the quota, moved to the inputs folder, given images where the request sent none, then the
 * import is done and the transcoding job recorded in the same unit of work.
 */
export async function finishVideoImport (options: { importId: number, file: DownloadedFile, user: UserModel }) {
  const { importId, file, user } = options
  const probed = await asJobError(() => probeUploadedFile(file))
  await asJobError(() => checkUserQuota(user, file.size))

  const videoImport = await VideoImportModel.findByPk(importId, { attributes: [ 'id', 'videoId' ] })
  const video = videoImport?.videoId ? await VideoModel.findByPk(videoImport.videoId) : null
  if (!video) throw new PermanentJobError('The video was deleted before its import ended')

  await mkdir(inputFilesDir(), { recursive: true })
  const inputPath = uploadInputPath(video.uuid, file.originalName)
  await moveFile(file.path, inputPath)

  const existing = new Set((await ThumbnailModel.findAll({ where: { videoId: video.id }, attributes: [ 'type' ] })).map(t => t.type))
  let images: PreparedImage[] = []
  try {
    const generated = await prepareVideoImages({ videoPath: inputPath, probe: probed })
    images = generated.filter(i => !existing.has(i.type))
    await removeImageFiles(generated.filter(i => existing.has(i.type)))

    await unitOfWork(async transaction => {
      const fresh = await VideoModel.findByPk(video.id, { transaction, lock: transaction.LOCK.UPDATE })
      if (!fresh) throw new PermanentJobError('The video was deleted before its import ended')

      fresh.duration = Math.round(probed.durationSeconds)
      fresh.aspectRatio = probed.video ? Math.round(probed.video.displayWidth / probed.video.displayHeight * 10_000) / 10_000 : null
      fresh.state = VideoState.TO_TRANSCODE
      await fresh.save({ transaction })
      await recordVideoSource(fresh.id, file, probed)
      await VideoChapterModel.replaceOfVideo(fresh.id, chaptersFromContainer(probed.chapters ?? [], probed.durationSeconds), transaction)
      await recordVideoImages(fresh.id, images, transaction)
      await VideoImportModel.update({ state: VideoImportState.SUCCESS, error: null }, { where: { id: importId }, transaction })
      await notifyMyVideoImportFinished(importId, true)

      const payload: VideoTranscodingPayload = { videoUUID: fresh.uuid, inputPath, durationSeconds: probed.durationSeconds }
      await jobQueue.createJob('video-transcoding', payload, { dedupKey: transcodingJobKey(fresh.uuid) })
    })
  } catch (err) {
    await Promise.all([ rm(inputPath, { force: true }), removeImageFiles(images) ])
    throw err
  }
}

/** Refusals made for requests (not a video, quota) become the import's error. */
async function asJobError<T> (fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof HttpProblem) {
      const reason = Object.values(err.invalidParams ?? {})[0]?.msg ?? err.detail
      throw new PermanentJobError(reason)
    }
    throw err
  }
}
