import { readFile, stat } from 'node:fs/promises'
import type { Job } from 'bull'
import { VideoFileStorage, VideoState } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { VideoModel } from '../../models/video/video.js'
import { keptOriginal } from '../videos/video-source.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { reseedTorrent } from '../transcoding/torrent-seeds.js'
import { recordVideoFilesMove } from '../transcoding/move-video-files.js'
import { recomputeHlsSwarmIds } from '../transcoding/hls-playlist-files.js'
import { afterCommit } from '../unit-of-work/unit-of-work.js'
import { hlsDir, isPrivateFolderVideo } from '../video-paths.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { invalidateVideoFileAccess } from '../videos/video-file-access.js'
import { withVideoLock } from '../videos/video-lock.js'
import { isObjectStorageEnabled } from './object-storage-client.js'
import { objectSize, uploadFile } from './object-storage-files.js'
import type { MoveVideoStoragePayload } from './video-storage-moves.js'
import { exists, hlsItems, originalItem, thumbnailItem, torrentItem, webVideoItem, type StoredItem } from './video-stored-items.js'

const log = loggerWithTags('object-storage')

/**
 * move-to-object-storage: every file of a local video (web videos, HLS folder, torrents, thumbnails, kept
 * source) uploaded to its bucket, then, in one unit of work under the video's lock, every row switched to the
 * bucket and the local copies removed after the commit. Until that commit the video is served from our folders
 * only; after it, from the bucket only: never half-moved. A rerun skips objects already uploaded whole. A rendition
 * stored while the upload ran is not in the bucket yet: its rows (and its HLS playlist) stay local, for the next run.
 */
export async function processMoveToObjectStorage (job: Job<MoveVideoStoragePayload>, context: { signal: AbortSignal }) {
  const { videoUUID } = job.data
  if (!isObjectStorageEnabled()) throw new PermanentJobError('Object storage is not enabled (object_storage.enabled)')

  const video = await loadVideo(videoUUID)
  if (!video || video.remote) return { skipped: 'no such local video' }
  const isPrivate = isPrivateFolderVideo(video)
  const plan = await planUpload(video)

  let uploaded = 0
  let bytes = 0
  for (const item of plan.items) {
    if (!await exists(item.path)) throw new Error(`Cannot move video ${videoUUID} to object storage: ${item.path} is missing`)
    if (await objectSize(item.kind, item.key) === (await stat(item.path)).size) continue
    bytes += await uploadFile(item.kind, item.key, item.path, { isPrivate, contentType: item.contentType, signal: context.signal })
    uploaded++
    await job.progress(Math.round(90 * uploaded / plan.items.length))
  }

  const switched = await switchRowsToObjectStorage(videoUUID, isPrivate, job.data.publishAfter === true)
  log.info(`Video ${videoUUID}: ${plan.items.length} file(s) in object storage (${uploaded} uploaded, ${bytes} bytes, ${switched} switched)`)
  return { files: plan.items.length, uploaded, bytes, switched }
}

async function loadVideo (uuid: string) {
  return VideoModel.findOne({ where: { uuid }, include: [ ...detailsIncludes(), { model: VideoSourceModel, required: false } ] }) as Promise<(VideoModel & { VideoSource?: VideoSourceModel | null }) | null>
}

/** What is still on our disks: media files, HLS folder, thumbnails, the kept source. */
async function planUpload (video: VideoModel & { VideoSource?: VideoSourceModel | null }) {
  const items: StoredItem[] = []
  for (const file of video.VideoFiles ?? []) {
    if (file.storage === VideoFileStorage.FILE_SYSTEM) items.push(await webVideoItem(video, file))
  }
  for (const playlist of video.VideoStreamingPlaylists ?? []) {
    if (playlist.storage === VideoFileStorage.FILE_SYSTEM && (playlist.VideoFiles?.length ?? 0) !== 0) {
      items.push(...await hlsItems(video, playlist, playlist.VideoFiles ?? []))
    }
  }
  for (const thumbnail of video.Thumbnails ?? []) {
    if (thumbnail.onDisk && thumbnail.storage === VideoFileStorage.FILE_SYSTEM) items.push(thumbnailItem(thumbnail))
  }
  const source = keptOriginal(video.VideoSource)
  if (source && source.storage === VideoFileStorage.FILE_SYSTEM) items.push(originalItem(source))
  return { items }
}

/**
 * The switch, under the video's lock and from fresh rows: what was uploaded but replaced meanwhile (a new rendition)
 * stays local and is moved by the next run; torrents get their new WebSeeds (the bucket's URLs) under new names.
 */
async function switchRowsToObjectStorage (uuid: string, uploadedPrivate: boolean, publishAfter: boolean) {
  const fresh = await loadVideo(uuid)
  if (!fresh) return 0
  return withVideoLock(fresh.id, async () => {
    const video = await loadVideo(uuid)
    if (!video) return 0
    const localPaths: string[] = []
    const localFolders: string[] = []
    const oldTorrents: string[] = []
    let switched = 0

    for (const file of video.VideoFiles ?? []) {
      if (file.storage !== VideoFileStorage.FILE_SYSTEM) continue
      const item = await webVideoItem(video, file)
      if (await objectSize(item.kind, item.key) !== file.size) continue
      const previous = await reseedTorrent(video, file, VideoFileStorage.OBJECT_STORAGE)
      if (previous) oldTorrents.push(previous.filename)
      file.storage = VideoFileStorage.OBJECT_STORAGE
      await file.save()
      localPaths.push(item.path)
      switched++
    }

    for (const playlist of video.VideoStreamingPlaylists ?? []) {
      if (playlist.storage !== VideoFileStorage.FILE_SYSTEM || (playlist.VideoFiles?.length ?? 0) === 0) continue
      const items = await hlsItems(video, playlist, playlist.VideoFiles ?? [])
      const sizes = await Promise.all(items.map(item => objectSize(item.kind, item.key)))
      if (sizes.some(size => size === undefined)) continue
      const master = await readFile(items[0].path, 'utf8')
      for (const file of playlist.VideoFiles ?? []) {
        const previous = await reseedTorrent(video, file, VideoFileStorage.OBJECT_STORAGE)
        if (previous) oldTorrents.push(previous.filename)
        file.storage = VideoFileStorage.OBJECT_STORAGE
        await file.save()
      }
      playlist.storage = VideoFileStorage.OBJECT_STORAGE
      recomputeHlsSwarmIds(video, playlist, master, (playlist.VideoFiles ?? []).length)
      await playlist.save()
      localFolders.push(hlsDir(video, false), hlsDir(video, true))
      switched += items.length
    }

    for (const thumbnail of video.Thumbnails ?? []) {
      if (!thumbnail.onDisk || thumbnail.storage !== VideoFileStorage.FILE_SYSTEM) continue
      const item = thumbnailItem(thumbnail)
      if (await objectSize(item.kind, item.key) === undefined) continue
      thumbnail.storage = VideoFileStorage.OBJECT_STORAGE
      await thumbnail.save()
      localPaths.push(item.path)
      switched++
    }

    const source = keptOriginal(video.VideoSource)
    if (source && source.storage === VideoFileStorage.FILE_SYSTEM && await objectSize('original_video_files', source.keptOriginalFilename) === source.size) {
      source.storage = VideoFileStorage.OBJECT_STORAGE
      await source.save()
      localPaths.push(originalItem(source).path)
      switched++
    }

    const torrentItems = oldTorrents.map(name => torrentItem({ torrentFilename: name })!.path)
    // Viewers who loaded the page before the switch may still read the local copies for a little while.
    await removeFilesAfterCommit({ paths: [ ...localPaths, ...torrentItems ], folders: localFolders, unlessLiveFor: video.uuid }, 60_000)

    if (publishAfter && video.state === VideoState.TO_MOVE_TO_EXTERNAL_STORAGE) {
      video.state = VideoState.PUBLISHED
      video.stateReason = null
      await video.save()
    }
    // The file URLs changed (the bucket's now): followers get an Update.
    await recordVideoChanged(video)
    // Uploaded with the ACL of the privacy at upload time; a change since then gets its objects updated.
    if (uploadedPrivate !== isPrivateFolderVideo(video)) {
      await recordVideoFilesMove(video.id)
    }
    afterCommit(() => invalidateVideoFileAccess(video.uuid))
    return switched
  })
}
