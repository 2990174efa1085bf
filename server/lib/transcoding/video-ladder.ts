import { VideoState } from '../../../shared/models/videos.js'
import { CONFIG } from '../../initializers/config/index.js'
import { THUMBNAIL_TYPE } from '../../initializers/constants/videos.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { notifyMyVideoPublished } from '../notifications/index.js'
import { recordMoveToObjectStorageIfEnabled } from '../object-storage/video-storage-moves.js'
import { scheduleStoryboard } from '../storyboards/generate-storyboard.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { imagePathOnDisk } from '../videos/video-images.js'
import { keepOriginalFile } from '../videos/video-source.js'

// What a video's ladder has and how it ends, shared by local transcoding (transcode-video.ts) and remote runners
// (runners/vod/): apart from the pipeline so that runners need not import it, nor it them.

/**
 * The ladder is complete: publish if it was waiting for it (or, with object storage, move it to the bucket first),
 * keep the source (`inputPath`) if configured, and tell followers the files changed.
 */
export async function finish (uuid: string, inputPath?: string) {
  await unitOfWork(async () => {
    const video = await loadVideo(uuid)
    if (!video) return

    if (inputPath && CONFIG.transcoding.original_file.keep) await keepOriginalFile(video.id, inputPath)
    await scheduleStoryboard(video)
    if (await recordMoveToObjectStorageIfEnabled(video)) {
      await recordVideoChanged(video)
      return
    }
    if (video.state !== VideoState.PUBLISHED) {
      video.state = VideoState.PUBLISHED
      video.stateReason = null
    } else {
      video.changed('updatedAt', true)
    }
    await video.save()
    await recordVideoChanged(video)
    await notifyMyVideoPublished(video)
  })
}

export function isRungDone (video: VideoModel, resolution: number, temporary: Set<number>) {
  if (temporary.has(resolution)) return false
  const web = (video.VideoFiles ?? []).some(f => f.resolution === resolution)
  const hls = (video.VideoStreamingPlaylists ?? []).some(p => (p.VideoFiles ?? []).some(f => f.resolution === resolution))
  return (!CONFIG.transcoding.web_videos.enabled || web) && (!CONFIG.transcoding.hls.enabled || hls)
}

export function hasPlayableFile (video: VideoModel) {
  return (video.VideoFiles?.length ?? 0) !== 0 || (video.VideoStreamingPlaylists ?? []).some(p => (p.VideoFiles?.length ?? 0) !== 0)
}

export function previewPath (video: VideoModel) {
  const preview = video.Thumbnails?.find(t => t.type === THUMBNAIL_TYPE.PREVIEW)
  return preview ? imagePathOnDisk(preview) : undefined
}

export async function loadVideo (uuid: string) {
  return VideoModel.findOne({ where: { uuid }, include: detailsIncludes() })
}
