import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { VideoPrivacy } from '../../../shared/models/videos.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { hlsDir, hlsFileUrl, webVideoFilePath, webVideoFileUrl } from '../video-paths.js'
import { rewriteHlsPlaylistFiles } from './hls-playlist-files.js'
import { renewTorrent } from './store-rendition.js'

/**
 * Moves a local video's files between the public and private folders after a privacy change, then renews what
 * names their URLs: torrents (WebSeed), and the HLS master playlist's swarm ids. Call it holding the video's lock,
 * with `video.privacy` already the new one; it reads the files from the database, not from a stale copy.
 */
export async function moveVideoFilesForPrivacy (video: VideoModel, fromPrivateFolder: boolean) {
  const before = { uuid: video.uuid, privacy: fromPrivateFolder ? VideoPrivacy.PRIVATE : VideoPrivacy.PUBLIC }
  const webFiles = await VideoFileModel.findAll({ where: { videoId: video.id } })
  const playlist = await VideoStreamingPlaylistModel.findOne({ where: { videoId: video.id } })

  for (const file of webFiles) {
    const from = webVideoFilePath(before, file)
    const to = webVideoFilePath(video, file)
    await mkdir(dirname(to), { recursive: true })
    await rename(from, to)
  }

  if (playlist) {
    const fromDir = hlsDir(before, fromPrivateFolder)
    const toDir = hlsDir(video)
    await mkdir(dirname(toDir), { recursive: true })
    await rm(toDir, { recursive: true, force: true })
    await rename(fromDir, toDir)
  }

  for (const file of webFiles) await renewTorrent(video, file, webVideoFilePath(video, file), webVideoFileUrl(video, file))
  if (playlist) {
    const hlsFiles = await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: playlist.id } })
    for (const file of hlsFiles) await renewTorrent(video, file, join(hlsDir(video), file.filename), hlsFileUrl(video, file.filename, null))
    await rewriteHlsPlaylistFiles(video, playlist)
  }
}
