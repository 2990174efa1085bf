import { createHash } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VideoStreamingPlaylistType } from '../../../shared/models/videos.js'
import { P2P_MEDIA_LOADER_PEER_VERSION } from '../../initializers/constants/p2p.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import {
  buildMasterPlaylist, buildSegmentsSha256, describeHlsRendition,
  generateHlsMasterPlaylistFilename, generateHlsSha256SegmentsFilename, getHlsResolutionPlaylistFilename
} from '../video-pipeline/index.js'
import { hlsDir, hlsFileUrl } from '../video-paths.js'
import { buildP2PMediaLoaderV2InfoHashes } from './p2p-media-loader-v2-infohashes.js'

/** The video's HLS playlist row, created (with its file names) the first time a rendition is added. */
export async function findOrCreateHlsPlaylist (video: VideoModel) {
  const existing = await VideoStreamingPlaylistModel.findOne({ where: { videoId: video.id, type: VideoStreamingPlaylistType.HLS } })
  if (existing) return existing

  await mkdir(hlsDir(video), { recursive: true })
  return VideoStreamingPlaylistModel.create({
    type: VideoStreamingPlaylistType.HLS,
    playlistFilename: generateHlsMasterPlaylistFilename(),
    playlistUrl: null,
    segmentsSha256Filename: generateHlsSha256SegmentsFilename(),
    segmentsSha256Url: null,
    p2pMediaLoaderInfohashes: [],
    p2pMediaLoaderPeerVersion: P2P_MEDIA_LOADER_PEER_VERSION,
    videoId: video.id
  })
}

/**
 * Rewrites the master playlist and segments-sha256.json from the renditions the database lists, highest first.
 * Each file is written aside and renamed over the old one, so a player never reads half a playlist.
 */
export async function rewriteHlsPlaylistFiles (video: VideoModel, playlist: VideoStreamingPlaylistModel) {
  const dir = hlsDir(video)
  const files = (await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: playlist.id } }))
    .sort((a, b) => b.resolution - a.resolution)

  const pairs = files.map(file => ({
    playlistPath: join(dir, getHlsResolutionPlaylistFilename(file.filename)),
    videoPath: join(dir, file.filename)
  }))

  const entries = await Promise.all(pairs.map(pair => describeHlsRendition(pair)))
  const masterPlaylist = buildMasterPlaylist(entries)
  await writeAtomically(join(dir, playlist.playlistFilename), masterPlaylist)
  await writeAtomically(join(dir, playlist.segmentsSha256Filename), JSON.stringify(await buildSegmentsSha256(pairs)))

  recomputeHlsSwarmIds(video, playlist, masterPlaylist, files.length)
  await playlist.save()
}

/**
 * The swarm ids derive from the master playlist's URL, which changes with the folder (privacy) and the storage:
 * PeerTube's hashes (what it federates and its players announce), then those of our web client's loader.
 */
export function recomputeHlsSwarmIds (video: VideoModel, playlist: VideoStreamingPlaylistModel, masterPlaylist: string, renditionCount: number) {
  const masterUrl = hlsFileUrl(video, playlist.playlistFilename, null, playlist.storage)
  playlist.p2pMediaLoaderInfohashes = [
    ...buildP2PMediaLoaderInfoHashes(masterUrl, renditionCount),
    ...buildP2PMediaLoaderV2InfoHashes(masterUrl, masterPlaylist)
  ]
  playlist.p2pMediaLoaderPeerVersion = P2P_MEDIA_LOADER_PEER_VERSION
}

/** PeerTube's swarm ids for p2p-media-loader: one per rendition, derived from the master playlist URL. */
export function buildP2PMediaLoaderInfoHashes (masterPlaylistUrl: string, renditionCount: number) {
  return Array.from({ length: renditionCount }, (_, i) =>
    createHash('sha1').update(`${P2P_MEDIA_LOADER_PEER_VERSION}${masterPlaylistUrl}+V${i}`).digest('hex'))
}

async function writeAtomically (path: string, content: string) {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, content)
  await rename(tmp, path)
}
