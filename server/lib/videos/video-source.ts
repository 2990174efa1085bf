import { randomUUID } from 'node:crypto'
import { extname, join } from 'node:path'
import { sha256OfFile } from '../../helpers/crypto/sha256-stream.js'
import { moveFile } from '../../helpers/fs/move-file.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoSourceModel } from '../../models/video/video-source.js'

// The uploaded source of a video, kept after its ladder when `transcoding.original_file.keep` is on.

export function originalFilesDir () {
  return fromRoot(CONFIG.storage.original_video_files)
}

export function originalFilePath (source: Pick<VideoSourceModel, 'keptOriginalFilename'>) {
  return join(originalFilesDir(), source.keptOriginalFilename)
}

/**
 * Moves the finished ladder's input to the kept originals and records it with its SHA-256 (in the caller's unit
 * of work). Idempotent: a video keeps one source.
 */
export async function keepOriginalFile (videoId: number, inputPath: string) {
  const existing = await VideoSourceModel.findOne({ where: { videoId } })
  if (existing) return existing
  const keptOriginalFilename = `${randomUUID()}${extname(inputPath).toLowerCase() || '.mp4'}`
  const target = join(originalFilesDir(), keptOriginalFilename)
  const digest = await sha256OfFile(inputPath)
  await moveFile(inputPath, target)
  return VideoSourceModel.create({ videoId, inputFilename: inputPath.split('/').pop() ?? keptOriginalFilename, keptOriginalFilename, size: digest.size, sha256: digest.sha256 })
}
