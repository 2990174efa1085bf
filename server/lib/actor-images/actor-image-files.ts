import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'

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
export async function removeActorImageFilesAfterCommit (filenames: string[]) {
  await removeFilesAfterCommit({ paths: filenames.map(actorImagePath) })
}
