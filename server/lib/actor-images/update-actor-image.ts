import type { ActorImageTypeValue } from '../../../shared/models/actor-images.js'
import { ActorImageModel } from '../../models/actor/actor-image.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { removeObjects } from '../object-storage/object-storage-files.js'
import { removeActorImageFiles, removeActorImageFilesAfterCommit, storeActorImagesInBucket } from './actor-image-files.js'
import { writeActorImageSizes } from './resize-actor-image.js'
import { sendUpdateActor } from '../activitypub/send/send-update-actor.js'

/**
 * Replaces an actor's avatar or banner by the uploaded image, in every size. The rows switch in one
 * unit of work; old files are removed only after it commits (by a job), new ones if it fails.
 */
export async function replaceActorImage (actorId: number, type: ActorImageTypeValue, upload: Buffer, field: string) {
  const written = await writeActorImageSizes(upload, type, field)
  const storage = await storeActorImagesInBucket(written.map(image => image.filename))

  let created: ActorImageModel[]
  try {
    created = await unitOfWork(async transaction => {
      const replaced = await ActorImageModel.listByActor(actorId, type, transaction)
      await ActorImageModel.deleteByActor(actorId, type, transaction)
      const rows = await Promise.all(written.map(image => ActorImageModel.create({
        filename: image.filename,
        width: image.width,
        height: image.height,
        fileUrl: null,
        onDisk: true,
        storage,
        type,
        actorId
      }, { transaction })))
      await removeActorImageFilesAfterCommit(replaced.filter(image => image.onDisk))
      // In the bucket now: the local files were only the upload's source.
      if (storage === VideoFileStorage.OBJECT_STORAGE) await removeActorImageFilesAfterCommit(written)
      // Remote copies of the account or channel get the new picture.
      await sendUpdateActor(actorId)
      return rows
    })
  } catch (err) {
    await removeActorImageFiles(written.map(image => image.filename))
    if (storage === VideoFileStorage.OBJECT_STORAGE) await removeObjects('avatars', written.map(image => image.filename)).catch(() => undefined)
    throw err
  }

  return created.sort((a, b) => a.width - b.width)
}

/** Removes an actor's avatar or banner (rows, then files). Nothing to remove is fine. */
export async function deleteActorImage (actorId: number, type: ActorImageTypeValue) {
  await unitOfWork(async transaction => {
    const existing = await ActorImageModel.listByActor(actorId, type, transaction)
    await ActorImageModel.deleteByActor(actorId, type, transaction)
    await removeActorImageFilesAfterCommit(existing.filter(image => image.onDisk))
    if (existing.length !== 0) await sendUpdateActor(actorId)
  })
}
