import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import { forgetOpenFile } from '../../helpers/http/open-file-cache.js'
import { dirname, join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { downloadRemoteFile } from '../../helpers/requests/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoModel } from '../../models/video/video.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { downloadObject, uploadFile } from '../object-storage/object-storage-files.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { transcodingJobKey } from '../transcoding/transcode-video.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { storedFilePaths } from '../transcoding/store-rendition.js'
import { inputFilesDir, isPrivateFolderVideo } from '../video-paths.js'
import { loadKeptOriginal, originalFilePath } from '../videos/video-source.js'
import { repairSegmentHashes } from './repair-segment-hashes.js'
import type { CopyLocation } from './stored-copies.js'

export interface RepairResult {
  repaired: boolean
  from?: string
  detail?: string
}

/**
 * Puts the right bytes back in place of a bad or missing copy, from the first source that has them:
 * 1. a listed mirror of the file (another instance's copy, read in full and checked against our SHA-256);
 * 2. for our mirror of a remote video, the origin;
 * 3. for our own video, a new encode of that rendition from the kept source (queued as a transcoding job, in one
 *    unit of work with the removal of the bad rendition, so the video keeps its other renditions meanwhile).
 * The good bytes are written aside and renamed (or uploaded) over the bad copy: a reader never sees half a file.
 */
export async function repairCopy (video: VideoModel, file: VideoFileModel, location: CopyLocation, signal?: AbortSignal): Promise<RepairResult> {
  const expected = file.sha256
  if (!expected) return { repaired: false, detail: 'no SHA-256 recorded to check a replacement against' }

  for (const url of await candidateUrls(video, file)) {
    const aside = join(fromRoot(CONFIG.storage.tmp), 'repairs', `${randomUUID()}-${file.filename}`)
    try {
      const digest = await downloadRemoteFile(url, aside, {
        timeoutMs: 3 * 3_600_000, maxBytes: file.size + 1, allowPrivateAddresses: CONFIG.federation.allow_private_addresses, signal
      })
      if (digest.sha256 !== expected) continue
      // Checked before the copy goes back: a bad entry is fixed along with the file, never after it.
      const hashes = file.isHls() ? await repairSegmentHashes(video, file, aside) : undefined
      await putBack(video, location, aside)
      return { repaired: true, from: url, detail: hashes }
    } catch {
      continue
    } finally {
      await rm(aside, { force: true })
    }
  }

  if (!video.remote) {
    const queued = await retranscodeFromOriginal(video, file)
    if (queued) return { repaired: true, from: 're-transcoded from the kept original' }
  }
  return { repaired: false, detail: video.remote ? 'the origin no longer serves these bytes' : 'no mirror holds these bytes and no original is kept' }
}

async function candidateUrls (video: VideoModel, file: VideoFileModel) {
  const serverActor = await getServerActor()
  const where = file.isHls() ? { videoStreamingPlaylistId: file.videoStreamingPlaylistId } : { videoFileId: file.id }
  const mirrors = await VideoRedundancyModel.findAll({ where: { ...where, state: 'verified' } })
  const urls = mirrors
    .filter(m => m.actorId !== serverActor.id)
    .map(m => file.isHls() ? `${m.fileUrl.replace(/\/$/, '')}/${video.remote ? (file.fileUrl ?? '').split('/').pop() : file.filename}` : m.fileUrl)
  if (video.remote && file.fileUrl) urls.push(file.fileUrl)
  return urls
}

async function putBack (video: VideoModel, location: CopyLocation, goodPath: string) {
  if (location.type === 'object-storage') {
    await uploadFile(location.kind, location.key, goodPath, { isPrivate: isPrivateFolderVideo(video), contentType: 'video/mp4' })
    return
  }
  await mkdir(dirname(location.path), { recursive: true })
  const aside = join(dirname(location.path), `.${randomUUID()}.repair`)
  await copyFile(goodPath, aside)
  await rename(aside, location.path)
  // The static routes keep open media files a few seconds: they would go on serving the bad bytes.
  forgetOpenFile(location.path)
}

/**
 * The bad rendition goes (rows now, files after the commit) and the video's transcoding job comes back with a
 * copy of the kept source as its input: it encodes what is missing, as after a crash.
 */
async function retranscodeFromOriginal (video: VideoModel, file: VideoFileModel) {
  const source = await loadKeptOriginal(video.id)
  if (!source) return false
  await mkdir(inputFilesDir(), { recursive: true })
  const inputPath = join(inputFilesDir(), `${video.uuid}-input-repair-${randomUUID()}${source.keptOriginalFilename.match(/\.\w+$/)?.[0] ?? '.mp4'}`)
  if (source.storage === VideoFileStorage.OBJECT_STORAGE) await downloadObject('original_video_files', source.keptOriginalFilename, inputPath)
  else await copyFile(originalFilePath(source), inputPath)

  await unitOfWork(async () => {
    await file.destroy()
    if (file.storage === VideoFileStorage.FILE_SYSTEM) await removeFilesAfterCommit({ paths: storedFilePaths(video, file) })
    await jobQueue.createJob('video-transcoding', { videoUUID: video.uuid, inputPath, durationSeconds: video.duration }, { dedupKey: transcodingJobKey(video.uuid) })
  })
  return true
}
