import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Job } from 'bull'
import { probe } from '../../helpers/ffmpeg/probe.js'
import { writeSpriteSheet } from '../../helpers/ffmpeg/sprite-sheet.js'
import { loadSharp } from '../../helpers/image/load-sharp.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { StoryboardModel } from '../../models/video/storyboard.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { downloadObject } from '../object-storage/object-storage-files.js'
import { hlsKey } from '../object-storage/video-stored-items.js'
import { hlsFilePath, transcodingWorkDir, webVideoFilePath } from '../video-paths.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { withVideoLock } from '../videos/video-lock.js'
import { newStoryboardFilename, storyboardFilePath, storyboardsDir } from './storyboard-files.js'
import { storyboardLayout } from './storyboard-layout.js'

const log = loggerWithTags('storyboard')

export interface GenerateStoryboardPayload {
  videoUUID: string
  /** Send the video's Update once the storyboard is stored (its `preview`). */
  federate: boolean
}

/** Call in the unit of work that completed the video's files (the end of its transcoding). */
export async function scheduleStoryboard (video: Pick<VideoModel, 'uuid' | 'remote' | 'isLive'>) {
  if (!CONFIG.storyboards.enabled || video.remote || video.isLive) return
  await jobQueue.createJob('generate-video-storyboard', { videoUUID: video.uuid, federate: true }, { dedupKey: `storyboard:${video.uuid}` })
}

/**
 * The `generate-video-storyboard` job: one sprite sheet from the video's best file, then, under the video's lock,
 * the new row, the previous sheet's removal and the federation Update in one unit of work. Running it twice makes
 * a second sheet that replaces the first.
 */
export async function processGenerateStoryboard (job: Job<GenerateStoryboardPayload>, { signal }: { signal: AbortSignal }) {
  if (!CONFIG.storyboards.enabled) return { skipped: 'storyboards are disabled' }
  const video = await VideoModel.findOne({ where: { uuid: job.data.videoUUID }, include: detailsIncludes() })
  if (!video || video.remote || video.isLive) return { skipped: 'no such local video' }

  const workDir = join(transcodingWorkDir(video.uuid), `storyboard-${job.id}`)
  try {
    const input = await bestInputFile(video, workDir, signal)
    if (!input) return { skipped: 'the video has no file with a picture' }
    const source = await probe(input)
    if (!source.video) return { skipped: 'the video has no picture' }
    const layout = storyboardLayout(video.duration, { width: source.video.displayWidth, height: source.video.displayHeight })
    if (!layout) return { skipped: 'the video is too short' }

    const filename = newStoryboardFilename()
    const path = storyboardFilePath({ filename })
    await mkdir(storyboardsDir(), { recursive: true })
    await writeSpriteSheet({ input, output: path, everySeconds: layout.spriteDuration, ...layout, signal })
    const size = await (await loadSharp())(path).metadata()

    const stored = await withVideoLock(video.id, async () => {
      const fresh = await VideoModel.findByPk(video.id)
      if (!fresh) return false
      const previous = await StoryboardModel.loadByVideo(video.id)
      if (previous) {
        await previous.destroy()
        await removeFilesAfterCommit({ paths: [ storyboardFilePath(previous) ] })
      }
      await StoryboardModel.create({
        videoId: video.id,
        filename,
        totalWidth: size.width!,
        totalHeight: size.height!,
        spriteWidth: layout.spriteWidth,
        spriteHeight: layout.spriteHeight,
        spriteDuration: layout.spriteDuration,
        fileUrl: null
      })
      if (job.data.federate) await recordVideoChanged(fresh)
      return true
    }).catch(async err => {
      await rm(path, { force: true })
      throw err
    })
    if (!stored) {
      await rm(path, { force: true })
      return { skipped: 'the video was deleted' }
    }
    log.info(`Storyboard of ${video.uuid}: ${layout.totalSprites} sprites of ${layout.spriteDuration} s in ${filename}`)
    return { filename, sprites: layout.totalSprites }
  } finally {
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/** The highest resolution with a picture, from disk, or downloaded from the bucket into `workDir`. */
async function bestInputFile (video: VideoModel, workDir: string, signal: AbortSignal) {
  const candidates = [
    ...(video.VideoFiles ?? []).map(file => ({ file, hls: false })),
    ...(video.VideoStreamingPlaylists ?? []).flatMap(p => (p.VideoFiles ?? []).map(file => ({ file, hls: true })))
  ].filter(c => c.file.resolution > 0).sort((a, b) => b.file.resolution - a.file.resolution)
  const best = candidates[0]
  if (!best) return null

  const { file, hls } = best
  if (file.storage !== VideoFileStorage.OBJECT_STORAGE) return hls ? hlsFilePath(video, file.filename) : webVideoFilePath(video, file)
  await mkdir(workDir, { recursive: true })
  const local = join(workDir, file.filename)
  await downloadObject(hls ? 'streaming_playlists' : 'web_videos', hls ? hlsKey(video, file.filename) : file.filename, local, signal)
  return local
}
