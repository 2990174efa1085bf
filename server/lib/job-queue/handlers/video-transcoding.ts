import type { Job } from 'bull'
import { transcodeVideo, type VideoTranscodingPayload } from '../../transcoding/transcode-video.js'

/** Turns an uploaded video into its ladder of web videos and HLS renditions (see lib/transcoding). */
export async function processVideoTranscoding (job: Job<VideoTranscodingPayload>) {
  return transcodeVideo(job)
}
