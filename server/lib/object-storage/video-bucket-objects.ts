import { VideoFileStorage } from '../../../shared/models/videos.js'
import { loadKeptOriginal } from '../videos/video-source.js'
import type { VideoModel } from '../../models/video/video.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'
import type { ObjectKind } from './object-storage-client.js'
import { hlsKey } from './video-stored-items.js'

/**
 * Every object a video has in the buckets, by kind (for its deletion). Nothing when object storage was never
 * used for it: the rows say where each file is.
 */
export async function bucketObjectsOf (video: VideoModel): Promise<{ kind: ObjectKind, keys: string[] }[]> {
  if (video.remote) return []
  const inBucket = (storage: number) => storage === VideoFileStorage.OBJECT_STORAGE
  const web: string[] = []
  const hls: string[] = []
  const torrents: string[] = []
  for (const file of video.VideoFiles ?? []) {
    if (!inBucket(file.storage)) continue
    web.push(file.filename)
    if (file.torrentFilename) torrents.push(file.torrentFilename)
  }
  for (const playlist of video.VideoStreamingPlaylists ?? []) {
    if (inBucket(playlist.storage)) hls.push(hlsKey(video, playlist.playlistFilename), hlsKey(video, playlist.segmentsSha256Filename))
    for (const file of playlist.VideoFiles ?? []) {
      if (!inBucket(file.storage)) continue
      hls.push(hlsKey(video, file.filename), hlsKey(video, getHlsResolutionPlaylistFilename(file.filename)))
      if (file.torrentFilename) torrents.push(file.torrentFilename)
    }
  }
  const thumbnails = (video.Thumbnails ?? []).filter(t => t.onDisk && inBucket(t.storage)).map(t => t.filename)
  const source = await loadKeptOriginal(video.id)
  const originals = source && inBucket(source.storage) ? [ source.keptOriginalFilename ] : []
  const all: { kind: ObjectKind, keys: string[] }[] = [
    { kind: 'web_videos', keys: web },
    { kind: 'streaming_playlists', keys: hls },
    { kind: 'torrents', keys: torrents },
    { kind: 'thumbnails', keys: thumbnails },
    { kind: 'original_video_files', keys: originals }
  ]
  return all.filter(o => o.keys.length !== 0)
}
