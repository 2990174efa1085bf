import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { VideoState } from '../../../shared/models/videos.js'
import { sha256OfFile } from '../../helpers/crypto/sha256-stream.js'
import { moveFile } from '../../helpers/fs/move-file.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { toEven } from '../../helpers/ffmpeg/resolution.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import type { VideoModel } from '../../models/video/video.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { notFound } from '../http-problems/http-problem.js'
import { plannedResolutions } from '../transcoding/plan-video-transcoding.js'
import { transcodingJobKey } from '../transcoding/transcoding-job-key.js'

/** Keeps what was uploaded, in the upload's unit of work. */
export async function recordVideoSource (videoId: number, file: { originalName: string, size: number }, probed: ProbeResult) {
  await VideoSourceModel.create({
    videoId,
    inputFilename: file.originalName.slice(0, 255),
    width: probed.video?.displayWidth ?? null,
    height: probed.video?.displayHeight ?? null,
    fps: probed.video?.fps ?? null,
    size: file.size
  })
}

/**
 * Where the ladder stands: `running` while the video's transcoding job is unfinished (its outbox entry goes when it
 * succeeds), `failed` when it was given up, `finished` otherwise.
 */
async function transcodingState (video: VideoModel) {
  if (video.state === VideoState.TRANSCODING_FAILED) return 'failed' as const
  const entry = await OutboxEntryModel.findOne({ where: { dedupKey: transcodingJobKey(video.uuid) }, order: [ [ 'id', 'DESC' ] ] })
  if (!entry) return 'finished' as const
  return entry.state === 'failed' ? 'failed' as const : 'running' as const
}

/**
 * PeerTube's `VideoSource` (GET /videos/{id}/source), plus what the upload page needs to tell which renditions are
 * still coming: `transcoding.state` and `transcoding.plannedResolutions` (the ladder under the current settings).
 */
export async function describeVideoSource (video: VideoModel) {
  const source = await VideoSourceModel.loadByVideo(video.id)
  if (!source) throw notFound('This video has no recorded source (uploaded before sources were kept)')

  const resolution = source.width && source.height ? toEven(Math.min(source.width, source.height)) : 0
  return {
    filename: source.inputFilename,
    inputFilename: source.inputFilename,
    fileDownloadUrl: null,
    resolution: { id: resolution, label: resolution === 0 ? 'Audio only' : `${resolution}p` },
    size: Number(source.size),
    fps: source.fps ?? 0,
    width: source.width ?? 0,
    height: source.height ?? 0,
    createdAt: source.createdAt,
    transcoding: {
      state: await transcodingState(video),
      plannedResolutions: plannedResolutions({ width: source.width ?? undefined, height: source.height ?? undefined, fps: source.fps ?? undefined })
    }
  }
}

// The uploaded file itself, kept after its ladder when `transcoding.original_file.keep` is on.

export function originalFilesDir () {
  return fromRoot(CONFIG.storage.original_video_files)
}

export function originalFilePath (source: { keptOriginalFilename: string }) {
  return join(originalFilesDir(), source.keptOriginalFilename)
}

/** A source row whose uploaded file is kept (with its SHA-256). */
export type KeptOriginal = VideoSourceModel & { keptOriginalFilename: string, sha256: string }

export function keptOriginal (source: VideoSourceModel | null | undefined): KeptOriginal | null {
  return source?.keptOriginalFilename && source.sha256 ? source as KeptOriginal : null
}

/** The video's source row when its uploaded file is kept. */
export async function loadKeptOriginal (videoId: number) {
  return keptOriginal(await VideoSourceModel.loadByVideo(videoId))
}

/**
 * Moves the finished ladder's input to the kept originals and records it, with its SHA-256, on the video's source
 * row (in the caller's unit of work). Idempotent: a video keeps one original.
 */
export async function keepOriginalFile (videoId: number, inputPath: string) {
  const existing = await VideoSourceModel.loadByVideo(videoId)
  if (existing?.keptOriginalFilename) return existing
  // Already gone (a runner's input removed after a crash, say): nothing to keep.
  if (!await stat(inputPath).then(() => true, () => false)) return existing
  const keptOriginalFilename = `${randomUUID()}${extname(inputPath).toLowerCase() || '.mp4'}`
  const digest = await sha256OfFile(inputPath)
  await moveFile(inputPath, join(originalFilesDir(), keptOriginalFilename))
  if (existing) return existing.update({ keptOriginalFilename, sha256: digest.sha256 })
  // Uploaded before sources were recorded: what ffprobe saw is unknown.
  return VideoSourceModel.create({ videoId, inputFilename: basename(inputPath).slice(0, 255), keptOriginalFilename, size: digest.size, sha256: digest.sha256 })
}
