import { rm } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { Job } from 'bull'
import { fromRoot } from '../../../helpers/project-root.js'
import { CONFIG } from '../../../initializers/config/index.js'
import type { JobPayloads } from '../job-types.js'
import { jobQueue } from '../job-queue.js'
import { faultPoint } from '../../../helpers/fault-points.js'
import { afterCommitAwaited } from '../../unit-of-work/unit-of-work.js'
import type { ObjectKind } from '../../object-storage/object-storage-client.js'
import { removeObjects } from '../../object-storage/object-storage-files.js'
import { liveStoredItems, type LiveStoredItems } from '../../object-storage/live-stored-items.js'
import { VideoModel } from '../../../models/video/video.js'
import { withVideoLock } from '../../videos/video-lock.js'

export interface FilesRemovalPayload {
  paths: string[]
  /** Folders removed with everything in them (a video's HLS folder, its transcoding work folder). */
  folders?: string[]
  /**
   * Web videos of a local video, replaced but kept for viewers still playing them: until removed, the static
   * routes serve them as files of that video (a file name no row lists any more).
   */
  retiredWebVideos?: { videoUuid: string, filenames: string[] }
  /** The local video these replaced files were of: they go with it, at once, when it is deleted. */
  replacedOfVideo?: string
  /** Objects of the object storage's buckets (keys without the kind's prefix). */
  objects?: { kind: ObjectKind, keys: string[] }[]
  /** Copies left behind by a storage move of this video: kept if its rows use them again by then (moved back). */
  unlessLiveFor?: string
}

/**
 * Records, in the current unit of work, files to remove once it commits (after `delayMs`, for files a viewer may
 * still be reading): a rolled-back change removes nothing, a committed one leaves no orphan even after a crash.
 */
export async function removeFilesAfterCommit (files: FilesRemovalPayload, delayMs = 0) {
  if (files.paths.length === 0 && (files.folders?.length ?? 0) === 0 && (files.objects ?? []).every(o => o.keys.length === 0)) return
  await jobQueue.createJob('files-removal', files, { delay: delayMs })
  // Removed at once after the commit too: the next request must not find them. The job is the safety net.
  if (delayMs === 0) afterCommitAwaited(() => removeFilesInStorage(files))
}

/** Deletes files later, but only inside the instance's storage folders. */
export async function processFilesRemoval (job: Job<JobPayloads['files-removal']>) {
  return removeFilesInStorage(job.data, () => faultPoint('files-removal-started'))
}

/** Removes the files (only inside the storage folders); removing twice is harmless. */
export async function removeFilesInStorage (files: FilesRemovalPayload, afterFirst?: () => void) {
  const roots = Object.values(CONFIG.storage).map(folder => fromRoot(folder))
  const inside = (path: string) => roots.some(root => {
    const rel = relative(root, resolve(path))
    return rel !== '' && !rel.startsWith('..')
  })

  const all = [ ...files.paths, ...(files.folders ?? []) ]
  const refused = all.filter(path => !inside(path))
  if (refused.length !== 0) throw new Error(`Refusing to remove files outside the storage folders: ${refused.join(', ')}`)

  if (!files.unlessLiveFor) return removeListed(files, all.length, undefined, afterFirst)
  // Under the video's lock: a move switching its rows back (and so needing these very files) either committed
  // before we read the rows, or waits until the removal is done and finds its files missing (it fetches them again).
  const videoUuid = files.unlessLiveFor
  const video = await VideoModel.findOne({ where: { uuid: videoUuid }, attributes: [ 'id' ] })
  if (!video) return removeListed(files, all.length, undefined, afterFirst)
  return withVideoLock(video.id, async () => removeListed(files, all.length, await liveStoredItems(videoUuid), afterFirst))
}

async function removeListed (files: FilesRemovalPayload, count: number, live: LiveStoredItems | undefined, afterFirst?: () => void) {
  for (const [ i, path ] of files.paths.entries()) {
    if (live?.isLivePath(path)) continue
    await rm(path, { force: true })
    if (i === 0) afterFirst?.()
  }
  await Promise.all((files.folders ?? []).filter(path => !live?.isLivePath(path)).map(path => rm(path, { recursive: true, force: true })))
  let objects = 0
  for (const { kind, keys: all } of files.objects ?? []) {
    const keys = live ? all.filter(key => !live.isLiveObject(kind, key)) : all
    if (keys.length === 0) continue
    await removeObjects(kind, keys)
    objects += keys.length
  }
  return { removed: count, objects }
}
