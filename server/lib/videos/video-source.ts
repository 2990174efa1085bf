import { VideoState } from '../../../shared/models/videos.js'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { toEven } from '../../helpers/ffmpeg/resolution.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import type { VideoModel } from '../../models/video/video.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { notFound } from '../http-problems/http-problem.js'
import { plannedResolutions } from '../transcoding/plan-video-transcoding.js'
import { transcodingJobKey } from '../transcoding/transcode-video.js'

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
