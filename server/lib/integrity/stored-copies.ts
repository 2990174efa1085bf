import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { sha256OfStream, type ReadRateLimiter } from '../../helpers/crypto/sha256-stream.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoModel } from '../../models/video/video.js'
import type { ObjectKind } from '../object-storage/object-storage-client.js'
import { readObject } from '../object-storage/object-storage-files.js'
import { hlsKey, localHlsDir, localWebVideoPath } from '../object-storage/video-stored-items.js'
import { hlsMirrorDir, urlFilename, webVideoMirrorPath } from '../redundancy/redundancy-paths.js'

/** Where one copy of a file is: a path on our disks, or an object in a bucket. */
export type CopyLocation = { type: 'file-system', path: string } | { type: 'object-storage', kind: ObjectKind, key: string }

export function describeLocation (location: CopyLocation) {
  return location.type === 'file-system' ? 'file-system' : 'object-storage'
}

/** Our copy of a video file: a local video's own file, or our mirror of a remote video's. */
export async function locateVideoFile (video: VideoModel, file: VideoFileModel): Promise<CopyLocation> {
  if (video.remote) {
    const name = urlFilename(file.fileUrl ?? '')
    return { type: 'file-system', path: file.isHls() ? join(hlsMirrorDir(video.uuid), name) : webVideoMirrorPath(name) }
  }
  if (file.storage === VideoFileStorage.OBJECT_STORAGE) {
    return file.isHls()
      ? { type: 'object-storage', kind: 'streaming_playlists', key: hlsKey(video, file.filename) }
      : { type: 'object-storage', kind: 'web_videos', key: file.filename }
  }
  return { type: 'file-system', path: file.isHls() ? join(await localHlsDir(video), file.filename) : await localWebVideoPath(video, file) }
}

/** A stream of the copy, or undefined when it is missing. */
export async function openCopy (location: CopyLocation): Promise<Readable | undefined> {
  if (location.type === 'object-storage') return (await readObject(location.kind, location.key))?.body
  const stream = createReadStream(location.path, { highWaterMark: 1024 * 1024 })
  return new Promise(resolve => {
    stream.once('open', () => resolve(stream))
    stream.once('error', () => resolve(undefined))
  })
}

export async function digestCopy (location: CopyLocation, options: { limiter?: ReadRateLimiter, signal?: AbortSignal } = {}) {
  const stream = await openCopy(location)
  if (!stream) return undefined
  return sha256OfStream(stream, options)
}

/** The SHA-256 of our copy as it is now (for files recorded before hashes were kept). */
export async function sha256OfLocalVideoFile (video: VideoModel, file: VideoFileModel) {
  const digest = await digestCopy(await locateVideoFile(video, file))
  if (!digest) throw new Error(`Our copy of ${file.filename} is missing`)
  return digest.sha256
}
