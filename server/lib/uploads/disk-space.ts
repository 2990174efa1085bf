import { statfs } from 'node:fs/promises'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { insufficientStorage } from '../http-problems/http-problem.js'

/**
 * Room kept free beyond what an upload needs, for the rest of the instance (logs, database, other uploads):
 * 256 MB, or 5 % of a smaller file system.
 */
const DISK_RESERVE_BYTES = 256 * 1024 * 1024
const DISK_RESERVE_RATIO = 0.05

/**
 * Refuses (507) an upload of `bytes` when the disks cannot hold it: the file itself in `storage.tmp`, and about
 * as much again where the videos are stored (the ladder), each with a reserve. Refused before any byte is kept,
 * so a full disk never ends in a half-written upload that blocks the others.
 */
export async function ensureDiskSpaceForUpload (bytes: number) {
  const folders = [ fromRoot(CONFIG.storage.tmp), fromRoot(CONFIG.storage.web_videos) ]
  for (const folder of folders) {
    const space = await diskSpace(folder)
    if (space && space.free < bytes + Math.min(DISK_RESERVE_BYTES, space.total * DISK_RESERVE_RATIO)) {
      throw insufficientStorage(`The server has not enough disk space for a ${bytes}-byte upload right now`)
    }
  }
}

async function diskSpace (folder: string) {
  try {
    const stats = await statfs(folder)
    return { free: Number(stats.bavail) * Number(stats.bsize), total: Number(stats.blocks) * Number(stats.bsize) }
  } catch {
    return undefined
  }
}
