import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transaction } from 'sequelize'
import { moveFile } from '../../helpers/fs/move-file.js'
import { sha256OfFile } from '../../helpers/crypto/sha256-stream.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import {
  buildTorrentInfoName, createVideoTorrent, generateTorrentFilename, generateWebVideoFilename, getHlsResolutionPlaylistFilename,
  type HlsRendition, type RenditionFile
} from '../video-pipeline/index.js'
import { hlsFileUrl, torrentsDir, trackerUrls, webVideoFilePath, webVideoFileUrl } from '../video-paths.js'

export interface StoredFile {
  file: VideoFileModel
  /** The file it replaced (same resolution), whose files the caller removes once nobody needs them. */
  replaced?: VideoFileModel
}

/**
 * Moves a finished web-video MP4 to its public (or private) folder, makes its torrent and records it, replacing
 * the file of the same resolution if there was one.
 */
export async function storeWebVideoFile (video: VideoModel, rendition: RenditionFile): Promise<StoredFile> {
  const filename = generateWebVideoFilename(rendition.resolution)
  const row = VideoFileModel.build({
    resolution: rendition.resolution,
    width: rendition.width || null,
    height: rendition.height || null,
    size: rendition.size,
    extname: '.mp4',
    fps: Math.round(rendition.fps),
    filename,
    fileUrl: null,
    torrentFilename: null,
    torrentUrl: null,
    infoHash: null,
    hasAudio: rendition.hasAudio,
    hasVideo: rendition.hasVideo,
    videoId: video.id,
    videoStreamingPlaylistId: null
  })

  const finalPath = webVideoFilePath(video, row)
  // The work folder is under storage.tmp, which may be another file system.
  await moveFile(rendition.path, finalPath)
  // What the scrub checks every copy against (the file is in the page cache right now).
  row.sha256 = (await sha256OfFile(finalPath)).sha256

  await attachTorrent(video, row, finalPath, webVideoFileUrl(video, row), 'web-video')
  const replaced = await saveReplacing(row, { videoId: video.id })
  return { file: row, replaced }
}

/** Records an HLS rendition already written in the video's HLS folder, with its torrent. */
export async function storeHlsFile (video: VideoModel, playlist: VideoStreamingPlaylistModel, rendition: HlsRendition, described: RenditionFile): Promise<StoredFile> {
  const row = VideoFileModel.build({
    resolution: rendition.resolution,
    width: described.width || null,
    height: described.height || null,
    size: rendition.size,
    extname: '.mp4',
    fps: Math.round(described.fps),
    filename: rendition.videoFilename,
    fileUrl: null,
    torrentFilename: null,
    torrentUrl: null,
    infoHash: null,
    hasAudio: described.hasAudio,
    hasVideo: described.hasVideo,
    videoId: null,
    videoStreamingPlaylistId: playlist.id
  })

  row.sha256 = (await sha256OfFile(rendition.videoPath)).sha256
  await attachTorrent(video, row, rendition.videoPath, hlsFileUrl(video, rendition.videoFilename, null), 'hls')
  const replaced = await saveReplacing(row, { videoStreamingPlaylistId: playlist.id })
  return { file: row, replaced }
}

async function attachTorrent (video: VideoModel, row: VideoFileModel, filePath: string, fileUrl: string, kind: 'web-video' | 'hls') {
  const torrentFilename = generateTorrentFilename(row.resolution, kind)
  const [ http, ws ] = trackerUrls()
  const torrent = await createVideoTorrent({
    filePath,
    name: buildTorrentInfoName(video.name, row.resolution),
    displayName: video.name,
    // WebSocket first: browsers can only use that one.
    announceList: [ ws, http ],
    urlList: [ fileUrl ],
    torrentUrl: WEBSERVER.URL + LAZY_STATIC_PATHS.TORRENTS + torrentFilename
  })

  await mkdir(torrentsDir(), { recursive: true })
  await writeFile(join(torrentsDir(), torrentFilename), torrent.torrent)
  row.torrentFilename = torrentFilename
  row.infoHash = torrent.infoHash
}

/**
 * Gives a stored file a new torrent for its current URL (after its video changed folders), then removes the old
 * torrent file. The info hash does not change: the bytes are the same, only the WebSeed moved.
 */
export async function renewTorrent (video: VideoModel, file: VideoFileModel, filePath: string, fileUrl: string) {
  const previous = file.torrentFilename
  await attachTorrent(video, file, filePath, fileUrl, file.isHls() ? 'hls' : 'web-video')
  await file.save()
  if (previous) await rm(join(torrentsDir(), previous), { force: true })
}

async function saveReplacing (row: VideoFileModel, owner: { videoId: number } | { videoStreamingPlaylistId: number }, transaction?: Transaction) {
  const replaced = await VideoFileModel.findOne({ where: { ...owner, resolution: row.resolution }, transaction })
  if (replaced) await replaced.destroy({ transaction })
  await row.save({ transaction })
  return replaced ?? undefined
}

/** Every path on disk that belongs to a stored file: the media, its torrent, and an HLS file's media playlist. */
export function storedFilePaths (video: VideoModel, file: VideoFileModel, hlsFolder?: string) {
  const paths = file.isHls() && hlsFolder
    ? [ join(hlsFolder, file.filename), join(hlsFolder, getHlsResolutionPlaylistFilename(file.filename)) ]
    : [ webVideoFilePath(video, file) ]
  if (file.torrentFilename) paths.push(join(torrentsDir(), file.torrentFilename))
  return paths
}
