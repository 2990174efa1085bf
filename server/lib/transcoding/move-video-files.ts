import { access, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import parseTorrent from 'parse-torrent'
import { moveFile } from '../../helpers/fs/move-file.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { hlsDir, hlsFileUrl, isPrivateFolderVideo, torrentsDir, webVideoFilePath, webVideoFilePathIn, webVideoFileUrl } from '../video-paths.js'
import { withVideoLock } from '../videos/video-lock.js'
import { invalidateVideoFileAccess } from '../videos/video-file-access.js'
import { clearLeavingMarkers } from '../videos/leaving-public-folder.js'
import { rewriteHlsPlaylistFiles } from './hls-playlist-files.js'
import { renewTorrent } from './store-rendition.js'
import { faultPoint } from '../../helpers/fault-points.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { syncBucketFilesPrivacy } from '../object-storage/bucket-files-privacy.js'

const log = loggerWithTags('videos', 'files')

/** Safety net of a privacy change: if the move done right after the commit was interrupted, this job ends it. */
const MOVE_JOB_DELAY_MS = 5_000

/**
 * Records, in the unit of work of a privacy change, that the video's files must follow it to the other folder.
 * The row's privacy says where the files belong from the commit on (the static routes obey it, whatever the
 * disk holds), and this job makes the disk agree, after a crash too.
 */
export async function recordVideoFilesMove (videoId: number) {
  // Not in the video's order key: this delayed job must not hold back its federation. The video lock orders it.
  await jobQueue.createJob('move-video-files', { videoId }, { delay: MOVE_JOB_DELAY_MS, dedupKey: `move-video-files:${videoId}` })
}

/** move-video-files: puts the video's files where its privacy says (idempotent, resumable). */
export async function processMoveVideoFiles (job: { data: { videoId: number } }) {
  return { moved: await moveVideoFilesToTheirFolder(job.data.videoId) }
}

/**
 * Makes the disk agree with the database for one local video, under its lock: every file in the folder its
 * privacy names (moved from the other folder if it is there, across file systems too), and what names their
 * URLs renewed when it does not match any more: torrents (WebSeed) and the HLS master playlist's swarm ids.
 * Safe to repeat and to interrupt: each step checks what is already done.
 */
export async function moveVideoFilesToTheirFolder (videoId: number) {
  return withVideoLock(videoId, async () => {
    const video = await VideoModel.findByPk(videoId)
    if (!video || video.remote) return 0
    const isPrivate = isPrivateFolderVideo(video)

    const allWebFiles = await VideoFileModel.findAll({ where: { videoId: video.id } })
    const foundPlaylist = await VideoStreamingPlaylistModel.findOne({ where: { videoId: video.id } })
    // Bucket-stored files have no folders: their ACLs and torrents follow the privacy instead.
    let moved = await syncBucketFilesPrivacy(video, allWebFiles, foundPlaylist)
    const webFiles = allWebFiles.filter(f => f.storage !== VideoFileStorage.OBJECT_STORAGE)
    const playlist = foundPlaylist && foundPlaylist.storage !== VideoFileStorage.OBJECT_STORAGE ? foundPlaylist : null

    for (const file of webFiles) {
      const target = webVideoFilePath(video, file)
      const source = webVideoFilePathIn(!isPrivate, file)
      if (!await exists(source)) continue
      if (!await exists(target)) {
        await moveFile(source, target)
        faultPoint('move-first-file')
        moved++
      } else if (await isSameSizeFile(source, target)) {
        // A move across file systems stopped after its copy was renamed into place: the source is a leftover.
        await rm(source, { force: true })
        moved++
      }
    }

    if (playlist) moved += await moveHlsFolder(hlsDir(video, !isPrivate), hlsDir(video, isPrivate))
    // Markers go only once nothing of this video is left in the public folders (a move that could not finish
    // keeps them: nginx must go on handing those files to us).
    const leftInPublicFolders = isPrivate && (
      (await Promise.all(webFiles.map(file => exists(webVideoFilePathIn(false, file))))).some(Boolean) ||
      (playlist !== null && await exists(hlsDir(video, false)))
    )
    if (!leftInPublicFolders) await clearLeavingMarkers(video)
    if (moved !== 0) {
      invalidateVideoFileAccess(video.uuid)
      log.info(`Moved ${moved} file(s) of video ${video.uuid} to its ${isPrivate ? 'private' : 'public'} folder`)
    }

    for (const file of webFiles) {
      const url = webVideoFileUrl(video, file)
      if (!await torrentSeedsFrom(file, url)) await renewTorrent(video, file, webVideoFilePath(video, file), url)
    }
    if (playlist) {
      const hlsFiles = await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: playlist.id } })
      let renewed = false
      for (const file of hlsFiles) {
        const url = hlsFileUrl(video, file.filename, null)
        if (await torrentSeedsFrom(file, url)) continue
        await renewTorrent(video, file, join(hlsDir(video), file.filename), url)
        renewed = true
      }
      if (renewed || moved !== 0) await rewriteHlsPlaylistFiles(video, playlist)
    }
    // Thrown last, after what could be done: the job retries it.
    if (leftInPublicFolders) throw new Error(`Files of private video ${video.uuid} are still in the public folders`)
    return moved
  })
}

/** Moves an HLS folder, merging into the target when an interrupted move left files on both sides. */
async function moveHlsFolder (fromDir: string, toDir: string) {
  if (!await exists(fromDir)) return 0
  if (!await exists(toDir)) {
    await moveFile(fromDir, toDir)
    return 1
  }
  let moved = 0
  for (const entry of await readdir(fromDir)) {
    const target = join(toDir, entry)
    if (await exists(target)) continue
    await moveFile(join(fromDir, entry), target)
    moved++
  }
  await rm(fromDir, { recursive: true, force: true })
  return moved + 1
}

/** Whether the file's torrent names `url` as its WebSeed. */
async function torrentSeedsFrom (file: VideoFileModel, url: string) {
  if (!file.torrentFilename) return true
  try {
    const parsed = await parseTorrent(await readFile(join(torrentsDir(), file.torrentFilename))) as { urlList?: string[] }
    return (parsed.urlList ?? []).includes(url)
  } catch {
    return false
  }
}

async function isSameSizeFile (a: string, b: string) {
  const [ statA, statB ] = await Promise.all([ stat(a), stat(b) ]).catch(() => [ undefined, undefined ])
  return statA !== undefined && statB !== undefined && statA.isFile() && statB.isFile() && statA.size === statB.size
}

async function exists (path: string) {
  return access(path).then(() => true, () => false)
}
