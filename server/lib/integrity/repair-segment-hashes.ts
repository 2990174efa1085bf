import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { forgetOpenFile } from '../../helpers/http/open-file-cache.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { downloadObject, uploadBuffer } from '../object-storage/object-storage-files.js'
import { hlsKey, localHlsDir } from '../object-storage/video-stored-items.js'
import { hlsMirrorDir, urlFilename } from '../redundancy/redundancy-paths.js'
import { checkFileAgainstSegments, fetchSegmentsSha256 } from '../redundancy/verify-copies.js'
import { isPrivateFolderVideo } from '../video-paths.js'
import { buildSegmentsSha256, getHlsResolutionPlaylistFilename, type SegmentsSha256 } from '../video-pipeline/index.js'

/**
 * After an HLS file was put back: the segment hashes P2P peers check it against (segments-sha256.json) must
 * describe these bytes, or peers would refuse every segment of the repaired file. For our own video the entry is
 * computed again from the good copy (`goodPath`) and its media playlist, and the JSON rewritten when it differs;
 * for our mirror of a remote video the origin's JSON is the reference: the copy must match it, and our copy of the
 * JSON is taken again from the origin. Returns what was done, for the scrub's report.
 */
export async function repairSegmentHashes (video: VideoModel, file: VideoFileModel, goodPath: string): Promise<string | undefined> {
  const playlist = await VideoStreamingPlaylistModel.findByPk(file.videoStreamingPlaylistId!)
  if (!playlist) return undefined
  return video.remote ? refreshMirrorHashes(video, playlist, file, goodPath) : rewriteOwnHashes(video, playlist, file, goodPath)
}

async function refreshMirrorHashes (video: VideoModel, playlist: VideoStreamingPlaylistModel, file: VideoFileModel, goodPath: string) {
  if (!playlist.segmentsSha256Url) return undefined
  const hashes = await fetchSegmentsSha256(playlist.segmentsSha256Url)
  const problem = await checkFileAgainstSegments(goodPath, hashes[urlFilename(file.fileUrl ?? '')])
  if (problem) throw new Error(`the repaired copy does not match the origin's segment hashes: ${problem}`)
  const path = join(hlsMirrorDir(video.uuid), urlFilename(playlist.segmentsSha256Url))
  await writeAtomically(path, JSON.stringify(hashes))
  return 'segment hashes checked against the origin\'s'
}

async function rewriteOwnHashes (video: VideoModel, playlist: VideoStreamingPlaylistModel, file: VideoFileModel, goodPath: string) {
  const inBucket = playlist.storage === VideoFileStorage.OBJECT_STORAGE
  const work = join(fromRoot(CONFIG.storage.tmp), 'repairs', `hashes-${randomUUID()}`)
  const mediaPlaylistName = getHlsResolutionPlaylistFilename(file.filename)
  try {
    let jsonPath: string
    let mediaPlaylistPath: string
    if (inBucket) {
      await mkdir(work, { recursive: true })
      jsonPath = join(work, playlist.segmentsSha256Filename)
      mediaPlaylistPath = join(work, mediaPlaylistName)
      await downloadObject('streaming_playlists', hlsKey(video, playlist.segmentsSha256Filename), jsonPath)
      await downloadObject('streaming_playlists', hlsKey(video, mediaPlaylistName), mediaPlaylistPath)
    } else {
      const dir = await localHlsDir(video)
      jsonPath = join(dir, playlist.segmentsSha256Filename)
      mediaPlaylistPath = join(dir, mediaPlaylistName)
    }

    const json = JSON.parse(await readFile(jsonPath, 'utf8').catch(() => '{}')) as SegmentsSha256
    const fresh = Object.values(await buildSegmentsSha256([ { playlistPath: mediaPlaylistPath, videoPath: goodPath } ]))[0]
    if (JSON.stringify(json[file.filename]) === JSON.stringify(fresh)) return 'segment hashes checked'

    json[file.filename] = fresh
    if (inBucket) {
      await uploadBuffer('streaming_playlists', hlsKey(video, playlist.segmentsSha256Filename), JSON.stringify(json), { isPrivate: isPrivateFolderVideo(video), contentType: 'application/json' })
    } else {
      await writeAtomically(jsonPath, JSON.stringify(json))
    }
    return 'segment hashes rewritten'
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function writeAtomically (path: string, content: string) {
  const aside = `${path}.${randomUUID()}.tmp`
  await writeFile(aside, content)
  await rename(aside, path)
  forgetOpenFile(path)
}
