import type { Job } from 'bull'
import { transcodeVideo, type VideoTranscodingPayload } from '../../transcoding/transcode-video.js'
import { recordTranscoding } from '../../metrics/instruments.js'
import type { JobContext } from './index.js'

/** Turns an uploaded video into its ladder of web videos and HLS renditions (see lib/transcoding). */
export async function processVideoTranscoding (job: Job<VideoTranscodingPayload>, context: JobContext) {
  const started = performance.now()
  try {
    const result = await transcodeVideo(job, context.signal)
    recordTranscoding((performance.now() - started) / 1000, 'success')
    return result
  } catch (err) {
    recordTranscoding((performance.now() - started) / 1000, 'failure')
    throw err
  }
}
