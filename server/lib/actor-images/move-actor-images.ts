import { Op } from 'sequelize'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { isObjectStorageEnabled } from '../object-storage/object-storage-client.js'
import { downloadObject, uploadFile } from '../object-storage/object-storage-files.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { actorImagePath } from './actor-image-files.js'

const log = loggerWithTags('actor-images')

export interface MoveActorImagesPayload {
  target: 'object-storage' | 'file-system'
}

const BATCH = 100

/**
 * move-actor-images (npm run storage:move): our avatars and banners to the avatars bucket or back, image by image.
 * Each image's bytes are copied first, then its row switches in a unit of work that removes the old copy after
 * the commit: a crash leaves every image readable where its row says, and a rerun moves only what is left.
 */
export async function processMoveActorImages (job: { data: MoveActorImagesPayload }) {
  const toBucket = job.data.target === 'object-storage'
  if (toBucket && !isObjectStorageEnabled()) throw new PermanentJobError('Object storage is not enabled (object_storage.enabled)')
  const from = toBucket ? VideoFileStorage.FILE_SYSTEM : VideoFileStorage.OBJECT_STORAGE
  let moved = 0
  let afterId = 0
  for (;;) {
    // Ours only: remote actors' images are their origin's (fileUrl set), cached on our disk.
    const images = await ActorImageModel.findAll({ where: { id: { [Op.gt]: afterId }, storage: from, onDisk: true, fileUrl: null }, order: [ [ 'id', 'ASC' ] ], limit: BATCH })
    if (images.length === 0) break
    for (const image of images) {
      const path = actorImagePath(image.filename)
      if (toBucket) await uploadFile('avatars', image.filename, path, { isPrivate: false, contentType: image.filename.endsWith('.png') ? 'image/png' : 'image/jpeg' })
      else await downloadObject('avatars', image.filename, path)
      await unitOfWork(async () => {
        image.storage = toBucket ? VideoFileStorage.OBJECT_STORAGE : VideoFileStorage.FILE_SYSTEM
        await image.save()
        await removeFilesAfterCommit(toBucket ? { paths: [ path ] } : { paths: [], objects: [ { kind: 'avatars', keys: [ image.filename ] } ] })
      })
      moved++
    }
    afterId = images[images.length - 1].id
  }
  log.info(`Moved ${moved} actor image(s) to the ${job.data.target}`)
  return { moved }
}
