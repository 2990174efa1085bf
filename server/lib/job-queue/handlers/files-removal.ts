import { rm } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { Job } from 'bull'
import { fromRoot } from '../../../helpers/project-root.js'
import { CONFIG } from '../../../initializers/config/index.js'
import type { JobPayloads } from '../job-types.js'

/** Deletes files later (replaced renditions), but only inside the instance's storage folders. */
export async function processFilesRemoval (job: Job<JobPayloads['files-removal']>) {
  const roots = Object.values(CONFIG.storage).map(folder => fromRoot(folder))
  const inside = (path: string) => roots.some(root => {
    const rel = relative(root, resolve(path))
    return rel !== '' && !rel.startsWith('..')
  })

  const refused = job.data.paths.filter(path => !inside(path))
  if (refused.length !== 0) throw new Error(`Refusing to remove files outside the storage folders: ${refused.join(', ')}`)

  await Promise.all(job.data.paths.map(path => rm(path, { force: true })))
  return { removed: job.data.paths.length }
}
