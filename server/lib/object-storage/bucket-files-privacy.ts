import { VideoFileStorage } from '../../../shared/models/videos.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { recomputeHlsSwarmIds } from '../transcoding/hls-playlist-files.js'
import { readObject, setObjectsPrivacy } from './object-storage-files.js'
import { reseedTorrent } from '../transcoding/torrent-seeds.js'
import { isPrivateFolderVideo } from '../video-paths.js'
import { getHlsResolutionPlaylistFilename } from '../video-pipeline/index.js'
import { hlsKey } from './video-stored-items.js'

/**
 * The privacy side of a bucket-stored video (inside move-video-files, under the video's lock): objects get the
 * ACL of the new privacy, torrents the WebSeeds of the new URLs (the bucket's, or our private route), the HLS
 * swarm ids the new master URL. Returns how many files changed.
 */
export async function syncBucketFilesPrivacy (video: VideoModel, webFiles: VideoFileModel[], playlist: VideoStreamingPlaylistModel | null) {
  const isPrivate = isPrivateFolderVideo(video)
  const bucket = VideoFileStorage.OBJECT_STORAGE
  const oldTorrents: string[] = []
  let changed = 0

  const bucketWebFiles = webFiles.filter(f => f.storage === bucket)
  await setObjectsPrivacy('web_videos', bucketWebFiles.map(f => f.filename), isPrivate)
  for (const file of bucketWebFiles) {
    const previous = await reseedTorrent(video, file, bucket)
    if (!previous) continue
    oldTorrents.push(previous.filename)
    await file.save()
    changed++
  }

  if (playlist && playlist.storage === bucket) {
    const files = await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: playlist.id } })
    const keys = [ playlist.playlistFilename, playlist.segmentsSha256Filename, ...files.flatMap(f => [ f.filename, getHlsResolutionPlaylistFilename(f.filename) ]) ]
    await setObjectsPrivacy('streaming_playlists', keys.map(name => hlsKey(video, name)), isPrivate)
    for (const file of files) {
      const previous = await reseedTorrent(video, file, bucket)
      if (!previous) continue
      oldTorrents.push(previous.filename)
      await file.save()
      changed++
    }
    const master = await readObject('streaming_playlists', hlsKey(video, playlist.playlistFilename))
    if (master) {
      const chunks: Buffer[] = []
      for await (const chunk of master.body) chunks.push(chunk as Buffer)
      recomputeHlsSwarmIds(video, playlist, Buffer.concat(chunks).toString('utf8'), files.length)
      await playlist.save()
    }
  }

  await removeFilesAfterCommit({ paths: [], objects: [ { kind: 'torrents', keys: oldTorrents } ] })
  return changed
}
