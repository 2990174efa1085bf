import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'

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

/** Best effort: a file already gone is what we wanted. */
export async function removeActorImageFiles (filenames: string[]) {
  await Promise.all(filenames.map(filename => rm(actorImagePath(filename), { force: true })))
}
