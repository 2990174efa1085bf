import { randomUUID } from 'node:crypto'
import { chaptersFromContainer } from '../chapters/video-chapters.js'
import { VideoChapterModel } from '../../models/video/video-chapter.js'
import { mkdir, rm } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { VideoState } from '../../../shared/models/videos.js'
import { probe, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import type { VideoUploadInput } from './types.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { TagModel } from '../../models/video/tag.js'
import { VideoModel } from '../../models/video/video.js'
import { forbidden, invalidField } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { checkUserQuota } from '../users/quota.js'
import { inputFilesDir } from '../video-paths.js'
import { publishSourceCopy, transcodingJobKey, type VideoTranscodingPayload } from '../transcoding/transcode-video.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { isUnknownOutcome, settleUnknownOutcome } from '../unit-of-work/unknown-outcome.js'
import { moveFile } from '../../helpers/fs/move-file.js'
import { deleteVideo } from './delete-video.js'
import { planVideoTranscoding } from '../transcoding/plan-video-transcoding.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { prepareVideoImages, recordVideoImages, removeImageFiles, type PreparedImage } from './video-images.js'
import { faultPoint } from '../../helpers/fault-points.js'
import { autoBlockIfNeeded } from '../moderation/video-blocks/auto-block.js'
import { recordScheduledUpdate } from './scheduled-updates.js'
import { recordVideoSource } from './video-source.js'
import { newLocalVideoAttributes } from './new-video-attributes.js'

const log = loggerWithTags('videos', 'upload')

/** How long a new video's transcoding job waits for its upload request to finish (it is released at once after). */
const UPLOAD_JOB_HOLD_MS = 10 * 60_000

export interface UploadedFile {
  path: string
  originalName: string
  size: number
}

/** The channel, if this user may publish in it (its own channel). */
export async function loadChannelForUpload (channelId: number, user: AuthenticatedUser, location: 'body' = 'body') {
  const channel = await VideoChannelModel.loadWithOwner(channelId)
  if (!channel) throw invalidField(location, 'channelId', 'Should have an existing channelId', channelId)
  if (channel.Account?.userId !== user.id) throw forbidden('Cannot upload to a channel you do not own', ProblemCode.NOT_ALLOWED)
  return channel
}

/** Refuses what is not a playable video (or audio) before anything is stored. */
export async function probeUploadedFile (file: UploadedFile): Promise<ProbeResult> {
  let result: ProbeResult
  try {
    result = await probe(file.path)
  } catch {
    throw invalidField('body', 'videofile', 'This file is not a video file ffprobe can read', file.originalName, ProblemCode.INVALID_VIDEO_FILE)
  }

  if (!result.video && !result.audio) {
    throw invalidField('body', 'videofile', 'This file has no video or audio stream', file.originalName, ProblemCode.INVALID_VIDEO_FILE)
  }
  if (!(result.durationSeconds > 0)) {
    throw invalidField('body', 'videofile', 'This file has no duration', file.originalName, ProblemCode.INVALID_VIDEO_FILE)
  }
  const maxSeconds = CONFIG.video.max_duration / 1000
  if (result.durationSeconds > maxSeconds) {
    throw invalidField('body', 'videofile', `This video is longer than the ${Math.round(maxSeconds)} s allowed`, file.originalName, ProblemCode.INVALID_VIDEO_FILE)
  }
  return result
}

export interface CreatedVideo {
  video: VideoModel
  /**
   * The rest of the upload's work: a fast-start copy of a web-ready source (playable in about a second), then
   * the transcoding job released. Its failures are logged, never thrown: the job does the work then.
   */
  finish: () => Promise<void>
}

/** Where an upload's source is kept while its ladder is made (a restart resumes from it). */
export function uploadInputPath (uuid: string, originalName: string) {
  return join(inputFilesDir(), `${uuid}-input${extname(originalName).toLowerCase() || '.mp4'}`)
}

/**
 * From an uploaded file to a committed video row with its thumbnails and its (held) transcoding job; the
 * returned `finish` does the rest. The uploaded file is moved, never copied; on any failure nothing stays behind:
 * no row, no image, no file. `uuid` may be chosen by the caller (a resumable upload records it first, so that a
 * retried last chunk finds the video again).
 */
export async function createVideoFromUpload (options: {
  user: AuthenticatedUser
  fields: VideoUploadInput
  file: UploadedFile
  thumbnailUpload?: string
  previewUpload?: string
  uuid?: string
}): Promise<CreatedVideo> {
  const { user, fields, file } = options
  const channel = await loadChannelForUpload(fields.channelId, user)
  await checkUserQuota(user, file.size)
  const probed = await probeUploadedFile(file)

  const uuid = options.uuid ?? randomUUID()
  await mkdir(inputFilesDir(), { recursive: true })
  const inputPath = uploadInputPath(uuid, file.originalName)
  let images: PreparedImage[] = []
  let created: VideoModel | undefined

  try {
    await moveFile(file.path, inputPath)
    images = await prepareVideoImages({ videoPath: inputPath, probe: probed, thumbnailUpload: options.thumbnailUpload, previewUpload: options.previewUpload })

    // The row and its transcoding job are committed together: a video is never left without its job. The job is
    // held while this request makes a first playable copy, and wakes by itself if the instance dies meanwhile.
    const payload: VideoTranscodingPayload = { videoUUID: uuid, inputPath, durationSeconds: probed.durationSeconds }
    let jobId: string | undefined
    const video = await unitOfWork(async transaction => {
      const video = await VideoModel.create(newLocalVideoAttributes(fields, {
        uuid,
        channelId: channel.id,
        state: VideoState.TO_TRANSCODE,
        duration: Math.round(probed.durationSeconds),
        aspectRatio: probed.video ? round(probed.video.displayWidth / probed.video.displayHeight, 4) : null,
        isLive: false,
        waitTranscoding: fields.waitTranscoding ?? false
      }), { transaction })

      if (fields.tags?.length) await TagModel.setVideoTags(video.id, fields.tags, transaction)
      await recordScheduledUpdate(video.id, fields.scheduleUpdate ?? undefined)
      await recordVideoSource(video.id, file, probed)
      await VideoChapterModel.replaceOfVideo(video.id, chaptersFromContainer(probed.chapters ?? [], probed.durationSeconds), transaction)
      await recordVideoImages(video.id, images, transaction)
      await autoBlockIfNeeded(video, user)
      jobId = await jobQueue.createJob('video-transcoding', payload, { dedupKey: transcodingJobKey(uuid), parked: true, delay: UPLOAD_JOB_HOLD_MS })
      return video
    })
    created = video

    log.info(`Video ${uuid} uploaded by ${user.username}: "${video.name}"`)
    faultPoint('upload-committed')
    const finish = async () => {
      // makePlayableDuringUpload never throws: whatever it could not do, the job does.
      const temporaryResolutions = await makePlayableDuringUpload(video, inputPath, probed)
      faultPoint('upload-copied')
      if (!jobId) return
      await jobQueue.releaseHeldJob(jobId, { ...payload, temporaryResolutions })
        .catch(err => log.warn(`Video ${uuid}: cannot release its transcoding job now; it starts by itself shortly`, { err }))
    }
    return { video, finish }
  } catch (err) {
    const removeFiles = () => Promise.all([ rm(inputPath, { force: true }), removeImageFiles(images) ]).then(() => undefined)
    if (!created && isUnknownOutcome(err)) {
      // The database went away during the commit: the video may exist, with a job that needs its source.
      settleUnknownOutcome(`Upload of video ${uuid}`, async () => await VideoModel.count({ where: { uuid } }) !== 0, removeFiles)
      throw err
    }
    // Whatever was made already goes: rows, the copy's files and torrents, images, the kept source.
    const partial = created && await VideoModel.findByPk(created.id, { include: detailsIncludes() })
    if (partial) await deleteVideo(partial)
    await removeFiles()
    throw err
  }
}

/**
 * A web-ready source is made playable before the upload is answered (a codec copy takes about a second), so
 * clients that read the video's files right after uploading (PeerTube's CLI) find one. Anything else, or a copy
 * that fails, is left to the transcoding job.
 */
async function makePlayableDuringUpload (video: VideoModel, inputPath: string, source: ProbeResult) {
  const plan = planVideoTranscoding(source)
  if (!plan.remuxSource) return []

  try {
    const { temporaryResolutions } = await publishSourceCopy({ video: await reloadWithFiles(video), inputPath, source, plan })
    return temporaryResolutions
  } catch (err) {
    log.warn(`Video ${video.uuid}: the fast-start copy failed, the transcoding job will make it playable`, { err })
    return []
  }
}

async function reloadWithFiles (video: VideoModel) {
  return (await VideoModel.findByPk(video.id, { include: detailsIncludes() })) ?? video
}

function round (value: number, digits: number) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
