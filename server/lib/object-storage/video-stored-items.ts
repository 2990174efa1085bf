import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { THUMBNAIL_TYPE } from '../../initializers/constants/videos.js'
import type { ThumbnailModel } from '../../models/video/thumbnail.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { hlsDir, isPrivateFolderVideo, torrentsDir, webVideoFilePathIn } from '../video-paths.js'
import { imagePathOnDisk } from '../videos/video-images.js'
import { originalFilePath, type KeptOriginal } from '../videos/video-source.js'
import type { ObjectKind } from './object-storage-client.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'

/** A file of a local video as both storages know it: its path on disk and its object key. */
export interface StoredItem {
  kind: ObjectKind
  key: string
  path: string
  contentType?: string
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.json': 'application/json',
  '.torrent': 'application/x-bittorrent',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp'
}

export function contentTypeOf (name: string) {
  const dot = name.lastIndexOf('.')
  return dot === -1 ? undefined : CONTENT_TYPES[name.slice(dot).toLowerCase()]
}

export function webVideoKey (file: Pick<VideoFileModel, 'filename'>) {
  return file.filename
}

export function hlsKey (video: Pick<VideoModel, 'uuid'>, filename: string) {
  return `${video.uuid}/${filename}`
}

/** A web video's file on disk: in the folder its privacy names, or in the other one (a move under way). */
export async function localWebVideoPath (video: Pick<VideoModel, 'privacy'>, file: Pick<VideoFileModel, 'filename'>) {
  const isPrivate = isPrivateFolderVideo(video)
  const preferred = webVideoFilePathIn(isPrivate, file)
  if (await exists(preferred)) return preferred
  const other = webVideoFilePathIn(!isPrivate, file)
  return await exists(other) ? other : preferred
}

export async function localHlsDir (video: Pick<VideoModel, 'uuid' | 'privacy'>) {
  const preferred = hlsDir(video)
  if (await exists(preferred)) return preferred
  const other = hlsDir(video, !isPrivateFolderVideo(video))
  return await exists(other) ? other : preferred
}

export async function webVideoItem (video: VideoModel, file: VideoFileModel): Promise<StoredItem> {
  return { kind: 'web_videos', key: webVideoKey(file), path: await localWebVideoPath(video, file), contentType: 'video/mp4' }
}

export function torrentItem (file: Pick<VideoFileModel, 'torrentFilename'>): StoredItem | undefined {
  if (!file.torrentFilename) return undefined
  return { kind: 'torrents', key: file.torrentFilename, path: join(torrentsDir(), file.torrentFilename), contentType: 'application/x-bittorrent' }
}

export function thumbnailItem (thumbnail: ThumbnailModel): StoredItem {
  return { kind: 'thumbnails', key: thumbnail.filename, path: imagePathOnDisk(thumbnail), contentType: contentTypeOf(thumbnail.filename) }
}

export function originalItem (source: KeptOriginal): StoredItem {
  return { kind: 'original_video_files', key: source.keptOriginalFilename, path: originalFilePath(source) }
}

/**
 * Every file of the video's HLS folder that its rows name: the renditions' fragmented MP4s and media playlists,
 * the master playlist and the segments' hashes.
 */
export async function hlsItems (video: VideoModel, playlist: VideoStreamingPlaylistModel, files: VideoFileModel[]): Promise<StoredItem[]> {
  const dir = await localHlsDir(video)
  const names = [ playlist.playlistFilename, playlist.segmentsSha256Filename ]
  for (const file of files) names.push(file.filename, getHlsResolutionPlaylistFilename(file.filename))
  return names.map(name => ({ kind: 'streaming_playlists' as const, key: hlsKey(video, name), path: join(dir, name), contentType: contentTypeOf(name) }))
}

export function isThumbnailOfVideo (thumbnail: ThumbnailModel) {
  return thumbnail.type === THUMBNAIL_TYPE.MINIATURE || thumbnail.type === THUMBNAIL_TYPE.PREVIEW
}

export async function exists (path: string) {
  return access(path).then(() => true, () => false)
}
