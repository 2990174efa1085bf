import type { Job } from 'bull'
import { transcodeVideo, type VideoTranscodingPayload } from '../../transcoding/transcode-video.js'
import type { JobContext } from './index.js'

/** Turns an uploaded video into its ladder of web videos and HLS renditions (see lib/transcoding). */
export async function processVideoTranscoding (job: Job<VideoTranscodingPayload>, context: JobContext) {
  return transcodeVideo(job, context.signal)
}
