import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fromRoot } from '../helpers/project-root.js'
import { CONFIG } from './config/index.js'

/** Creates every storage folder (and the private/ ones) so no code path has to. */
export async function createStorageFolders () {
  const storage = CONFIG.storage
  const folders = [
    ...Object.values(storage).map(folder => fromRoot(folder)),
    join(fromRoot(storage.web_videos), 'private'),
    join(fromRoot(storage.streaming_playlists), 'hls', 'private')
  ]
  await Promise.all(folders.map(folder => mkdir(folder, { recursive: true })))
}
