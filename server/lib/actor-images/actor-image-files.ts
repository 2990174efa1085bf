import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { isObjectStorageEnabled } from '../object-storage/object-storage-client.js'
import { removeObjects, uploadFile } from '../object-storage/object-storage-files.js'

const log = loggerWithTags('actor-images')

/** Avatars and banners share one folder, as in PeerTube; their URL paths differ (/lazy-static/avatars|banners/). */
export function actorImagesFolder () {
  return fromRoot(CONFIG.storage.avatars)
}

export function actorImagePath (filename: string) {
  return join(actorImagesFolder(), filename)
}

export async function ensureActorImagesFolder () {
  await mkdir(actorImagesFolder(), { recursive: true })
}

/** Best effort: a file already gone is what we wanted. For files no row names (a failed write). */
export async function removeActorImageFiles (filenames: string[]) {
  await Promise.all(filenames.map(filename => rm(actorImagePath(filename), { force: true })))
}

/** Images whose rows go in the current unit of work: removed once it commits (a `files-removal` job), never before. */
export async function removeActorImageFilesAfterCommit (images: { filename: string, storage?: number }[]) {
  const inBucket = (image: { storage?: number }) => image.storage === VideoFileStorage.OBJECT_STORAGE
  await removeFilesAfterCommit({
    paths: images.filter(image => !inBucket(image)).map(image => actorImagePath(image.filename)),
    objects: [ { kind: 'avatars', keys: images.filter(inBucket).map(image => image.filename) } ]
  })
}

/**
 * With object storage on, new images go to the avatars bucket (their local files go once the rows commit).
 * A bucket that refuses them is no reason to refuse the picture: it stays on our disk, served from there.
 * Returns where the images are.
 */
export async function storeActorImagesInBucket (filenames: string[]) {
  if (!isObjectStorageEnabled() || filenames.length === 0) return VideoFileStorage.FILE_SYSTEM
  const uploaded: string[] = []
  try {
    for (const filename of filenames) {
      await uploadFile('avatars', filename, actorImagePath(filename), { isPrivate: false, contentType: filename.endsWith('.png') ? 'image/png' : 'image/jpeg' })
      uploaded.push(filename)
    }
    return VideoFileStorage.OBJECT_STORAGE
  } catch (err) {
    log.warn('Cannot store actor images in the bucket: they stay on disk', { err })
    await removeObjects('avatars', uploaded).catch(() => undefined)
    return VideoFileStorage.FILE_SYSTEM
  }
}
