import { randomUUID } from 'node:crypto'
import { access } from 'node:fs/promises'
import { toShortUuid } from '../../helpers/uuid.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoUploadInput } from '../videos/types.js'
import { VideoModel } from '../../models/video/video.js'
import { createVideoFromUpload, uploadInputPath, type CreatedVideo } from '../videos/create-video.js'
import { resumableUploads, type ResumableUploadSession } from './resumable-upload-store.js'
import { faultPoint } from '../../helpers/fault-points.js'

export type FinishedUpload = NonNullable<ResumableUploadSession['result']>

/**
 * The last byte is in: the video is created (checks, row, images, held transcoding job); the caller answers the
 * client with the result, then runs `finish` (the fast-start copy and the job's release). The video's uuid is
 * recorded in the session first and the answer after, so a retried last chunk gets the same video whatever
 * moment a crash or a lost answer hit.
 */
export async function finishResumableUpload (
  session: ResumableUploadSession,
  user: AuthenticatedUser,
  fields: VideoUploadInput
): Promise<{ result: FinishedUpload, finish: CreatedVideo['finish'] }> {
  const uuid = session.videoUuid ?? randomUUID()
  await resumableUploads.markFinishing(session, uuid)

  let created: CreatedVideo
  try {
    created = await createVideoFromUpload({
      user,
      fields,
      uuid,
      file: { path: resumableUploads.partPath(session.id), originalName: session.filename, size: session.size }
    })
  } catch (err) {
    // Refused (not a video, quota...): the upload is over, nothing of it stays.
    await resumableUploads.remove(session.id)
    throw err
  }

  const result = { id: created.video.id, uuid, shortUUID: toShortUuid(uuid) }
  faultPoint('resumable-video-created')
  await resumableUploads.markFinished(session, result)
  return { result, finish: created.finish }
}

/**
 * A session whose video was being created when the instance stopped: the video exists (its answer is returned),
 * or its source was taken but not committed (it is put back as the partial file, and the upload finishes
 * normally).
 */
export async function recoverFinishingUpload (session: ResumableUploadSession): Promise<FinishedUpload | undefined> {
  const uuid = session.videoUuid
  if (!uuid) return undefined
  const video = await VideoModel.loadByUuid(uuid)
  if (video) {
    const result = { id: video.id, uuid, shortUUID: toShortUuid(uuid) }
    await resumableUploads.markFinished(session, result)
    return result
  }
  const taken = uploadInputPath(uuid, session.filename)
  if (await exists(taken) && !await exists(resumableUploads.partPath(session.id))) await resumableUploads.restorePart(session.id, taken)
  return undefined
}

async function exists (path: string) {
  return access(path).then(() => true, () => false)
}
