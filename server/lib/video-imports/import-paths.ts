import { join } from 'node:path'
import { CONFIG } from '../../initializers/config/index.js'
import { fromRoot } from '../../helpers/project-root.js'

/** The work folder of one import (removed when its job ends). */
export function importWorkDir (importId: number) {
  return join(fromRoot(CONFIG.storage.tmp), 'imports', String(importId))
}

/** Emptied at each attempt: what a previous attempt left is of no use. */
export function importDownloadDir (importId: number) {
  return join(importWorkDir(importId), 'download')
}
