import { join, resolve, sep } from 'node:path'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { VideoModel } from '../../models/video/video.js'
import { hlsDir, torrentsDir, webVideoFilePathIn } from '../video-paths.js'
import { imagePathOnDisk } from '../videos/video-images.js'
import { keptOriginal, originalFilePath } from '../videos/video-source.js'
import type { ObjectKind } from './object-storage-client.js'
import { hlsKey } from './video-stored-items.js'

/**
 * What a video's rows use right now, on disk and in the buckets. A removal delayed after a move (local copies kept
 * a minute for viewers) must not remove what a move the other way brought back under the same names since.
 */
export interface LiveStoredItems {
  isLivePath: (path: string) => boolean
  isLiveObject: (kind: ObjectKind, key: string) => boolean
}

export async function liveStoredItems (videoUuid: string): Promise<LiveStoredItems> {
  const video = await VideoModel.findOne({ where: { uuid: videoUuid }, include: [ ...detailsIncludes(), { model: VideoSourceModel, required: false } ] }) as (VideoModel & { VideoSource?: VideoSourceModel | null }) | null
  const paths = new Set<string>()
  const folders: string[] = []
  const keys = new Set<string>()
  if (!video) return { isLivePath: () => false, isLiveObject: () => false }

  const onDisk = (storage: number) => storage !== VideoFileStorage.OBJECT_STORAGE
  const torrent = (file: { torrentFilename: string | null, storage: number }) => {
    if (!file.torrentFilename) return
    if (onDisk(file.storage)) paths.add(resolve(join(torrentsDir(), file.torrentFilename)))
    else keys.add(`torrents:${file.torrentFilename}`)
  }
  for (const file of video.VideoFiles ?? []) {
    if (onDisk(file.storage)) for (const isPrivate of [ false, true ]) paths.add(resolve(webVideoFilePathIn(isPrivate, file)))
    else keys.add(`web_videos:${file.filename}`)
    torrent(file)
  }
  for (const playlist of video.VideoStreamingPlaylists ?? []) {
    if (onDisk(playlist.storage)) folders.push(resolve(hlsDir(video, false)), resolve(hlsDir(video, true)))
    else keys.add(`streaming_playlists-folder:${hlsKey(video, '')}`)
    for (const file of playlist.VideoFiles ?? []) torrent(file)
  }
  for (const thumbnail of video.Thumbnails ?? []) {
    if (!thumbnail.onDisk) continue
    if (onDisk(thumbnail.storage)) paths.add(resolve(imagePathOnDisk(thumbnail)))
    else keys.add(`thumbnails:${thumbnail.filename}`)
  }
  const source = keptOriginal(video.VideoSource)
  if (source) {
    if (onDisk(source.storage)) paths.add(resolve(originalFilePath(source)))
    else keys.add(`original_video_files:${source.keptOriginalFilename}`)
  }

  return {
    isLivePath: (path: string) => {
      const full = resolve(path)
      return paths.has(full) || folders.some(folder => full === folder || full.startsWith(folder + sep))
    },
    isLiveObject: (kind: ObjectKind, key: string) => keys.has(`${kind}:${key}`) ||
      (kind === 'streaming_playlists' && [ ...keys ].some(k => k.startsWith('streaming_playlists-folder:') && key.startsWith(k.slice('streaming_playlists-folder:'.length))))
  }
}
