import { readFile } from 'node:fs/promises'
import type { Job } from 'bull'
import { VideoFileStorage, VideoState } from '../../../shared/models/videos.js'
import { sha256OfFile } from '../../helpers/crypto/sha256-stream.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { VideoModel } from '../../models/video/video.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { reseedTorrent } from '../transcoding/torrent-seeds.js'
import { recomputeHlsSwarmIds } from '../transcoding/hls-playlist-files.js'
import { afterCommit } from '../unit-of-work/unit-of-work.js'
import { hlsDir, webVideoFilePath } from '../video-paths.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { invalidateVideoFileAccess } from '../videos/video-file-access.js'
import { withVideoLock } from '../videos/video-lock.js'
import { imagePathOnDisk } from '../videos/video-images.js'
import { keptOriginal, originalFilePath } from '../videos/video-source.js'
import type { ObjectKind } from './object-storage-client.js'
import { downloadObject } from './object-storage-files.js'
import type { MoveVideoStoragePayload } from './video-storage-moves.js'
import { exists, hlsKey, webVideoKey } from './video-stored-items.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'

const log = loggerWithTags('object-storage')

interface Download { kind: ObjectKind, key: string, path: string, sha256?: string | null }

type LoadedVideo = VideoModel & { VideoSource?: VideoSourceModel | null }

/**
 * move-to-file-system: the reverse of move-to-object-storage. Every bucket-stored file of the video is
 * downloaded to the folder its privacy names (written aside and renamed, media checked against its SHA-256),
 * then the rows switch to our folders in one unit of work and the objects are removed after the commit.
 */
export async function processMoveToFileSystem (job: Job<MoveVideoStoragePayload>, context: { signal: AbortSignal }) {
  return moveVideoToFileSystem(job.data.videoUUID, { signal: context.signal, onProgress: ratio => job.progress(Math.round(90 * ratio)) })
}

/**
 * Also used before a bucket-stored video gets a new rendition (a repair, a late runner output): its files come
 * back to our folders first, and the end of its ladder moves them to the bucket again.
 */
export async function moveVideoToFileSystem (uuid: string, options: { signal?: AbortSignal, onProgress?: (ratio: number) => unknown } = {}) {
  const video = await loadVideo(uuid)
  if (!video || video.remote) return { skipped: 'no such local video' }
  const context = { signal: options.signal }

  const downloads = planDownloads(video)
  let done = 0
  for (const item of downloads) {
    if (!await exists(item.path) || (item.sha256 && (await sha256OfFile(item.path)).sha256 !== item.sha256)) {
      await download(item, context.signal)
    }
    done++
    await options.onProgress?.(done / Math.max(1, downloads.length))
  }

  const switched = await switchRowsToFileSystem(video.uuid, context.signal)
  log.info(`Video ${video.uuid}: ${downloads.length} file(s) moved back to the file system`)
  return { files: downloads.length, switched }
}

async function download (item: Download, signal?: AbortSignal) {
  await downloadObject(item.kind, item.key, item.path, signal)
  if (item.sha256 && (await sha256OfFile(item.path)).sha256 !== item.sha256) {
    throw new Error(`Object ${item.key} does not match its SHA-256: the scrub must repair it before it can be moved`)
  }
}

async function loadVideo (uuid: string) {
  return VideoModel.findOne({ where: { uuid }, include: [ ...detailsIncludes(), { model: VideoSourceModel, required: false } ] }) as Promise<LoadedVideo | null>
}

function planDownloads (video: LoadedVideo): Download[] {
  const list: Download[] = []
  const inBucket = (storage: number) => storage === VideoFileStorage.OBJECT_STORAGE
  for (const file of video.VideoFiles ?? []) {
    if (inBucket(file.storage)) list.push({ kind: 'web_videos', key: webVideoKey(file), path: webVideoFilePath(video, file), sha256: file.sha256 })
  }
  for (const playlist of video.VideoStreamingPlaylists ?? []) {
    if (!inBucket(playlist.storage)) continue
    const dir = hlsDir(video)
    for (const name of [ playlist.playlistFilename, playlist.segmentsSha256Filename ]) list.push({ kind: 'streaming_playlists', key: hlsKey(video, name), path: `${dir}/${name}` })
    for (const file of playlist.VideoFiles ?? []) {
      list.push({ kind: 'streaming_playlists', key: hlsKey(video, file.filename), path: `${dir}/${file.filename}`, sha256: file.sha256 })
      const media = getHlsResolutionPlaylistFilename(file.filename)
      list.push({ kind: 'streaming_playlists', key: hlsKey(video, media), path: `${dir}/${media}` })
    }
  }
  for (const thumbnail of video.Thumbnails ?? []) {
    if (thumbnail.onDisk && inBucket(thumbnail.storage)) list.push({ kind: 'thumbnails', key: thumbnail.filename, path: imagePathOnDisk(thumbnail) })
  }
  const source = keptOriginal(video.VideoSource)
  if (source && inBucket(source.storage)) list.push({ kind: 'original_video_files', key: source.keptOriginalFilename, path: originalFilePath(source), sha256: source.sha256 })
  return list
}

async function switchRowsToFileSystem (uuid: string, signal?: AbortSignal) {
  const fresh = await loadVideo(uuid)
  if (!fresh) return 0
  return withVideoLock(fresh.id, async () => {
    const video = await loadVideo(uuid)
    if (!video) return 0
    // The local copies an earlier move to the bucket left for viewers are removed a minute later, under this lock: one
    // that went while we downloaded (it was still a leftover then) is fetched again, now that no removal can interleave.
    for (const item of planDownloads(video)) {
      if (!await exists(item.path)) await download(item, signal)
    }
    const objects: Record<ObjectKind, string[]> = { web_videos: [], streaming_playlists: [], torrents: [], thumbnails: [], original_video_files: [], avatars: [] }
    let switched = 0

    for (const file of video.VideoFiles ?? []) {
      if (file.storage !== VideoFileStorage.OBJECT_STORAGE || !await exists(webVideoFilePath(video, file))) continue
      const previous = await reseedTorrent(video, file, VideoFileStorage.FILE_SYSTEM)
      if (previous) objects.torrents.push(previous.filename)
      file.storage = VideoFileStorage.FILE_SYSTEM
      await file.save()
      objects.web_videos.push(webVideoKey(file))
      switched++
    }

    for (const playlist of video.VideoStreamingPlaylists ?? []) {
      if (playlist.storage !== VideoFileStorage.OBJECT_STORAGE) continue
      const dir = hlsDir(video)
      const masterPath = `${dir}/${playlist.playlistFilename}`
      if (!await exists(masterPath)) continue
      playlist.storage = VideoFileStorage.FILE_SYSTEM
      for (const file of playlist.VideoFiles ?? []) {
        const previous = await reseedTorrent(video, file, VideoFileStorage.FILE_SYSTEM)
        if (previous) objects.torrents.push(previous.filename)
        file.storage = VideoFileStorage.FILE_SYSTEM
        await file.save()
        objects.streaming_playlists.push(hlsKey(video, file.filename), hlsKey(video, getHlsResolutionPlaylistFilename(file.filename)))
      }
      recomputeHlsSwarmIds(video, playlist, await readFile(masterPath, 'utf8'), (playlist.VideoFiles ?? []).length)
      await playlist.save()
      objects.streaming_playlists.push(hlsKey(video, playlist.playlistFilename), hlsKey(video, playlist.segmentsSha256Filename))
      switched++
    }

    for (const thumbnail of video.Thumbnails ?? []) {
      if (thumbnail.storage !== VideoFileStorage.OBJECT_STORAGE || !await exists(imagePathOnDisk(thumbnail))) continue
      thumbnail.storage = VideoFileStorage.FILE_SYSTEM
      await thumbnail.save()
      objects.thumbnails.push(thumbnail.filename)
      switched++
    }

    const source = keptOriginal(video.VideoSource)
    if (source && source.storage === VideoFileStorage.OBJECT_STORAGE && await exists(originalFilePath(source))) {
      source.storage = VideoFileStorage.FILE_SYSTEM
      await source.save()
      objects.original_video_files.push(source.keptOriginalFilename)
      switched++
    }

    await removeFilesAfterCommit({
      paths: [],
      objects: Object.entries(objects).map(([ kind, keys ]) => ({ kind: kind as ObjectKind, keys })),
      unlessLiveFor: video.uuid
    }, 60_000)
    if (video.state === VideoState.TO_MOVE_TO_FILE_SYSTEM) video.state = VideoState.PUBLISHED
    await video.save()
    await recordVideoChanged(video)
    afterCommit(() => invalidateVideoFileAccess(video.uuid))
    return switched
  })
}
