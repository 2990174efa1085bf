import { join } from 'node:path'
import type { TestInstance } from '../../shared/test-instance.js'
import { waitForLadder } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip } from '../../video-pipeline/fixtures.js'

/**
 * Instances for browser tests transcode to 240p only (the clip's own height): one rendition keeps transcoding to
 * a few seconds on two cores and gives one torrent and one HLS variant to share.
 */
export const BROWSER_INSTANCE_CONFIG = {
  transcoding: {
    resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false }
  }
}

/** A 20 s 240p clip (about 3 MB): five 4 s HLS segments and a torrent of several pieces, so peers have something to share. */
export async function generateBrowserClip (dir: string, name = 'browser-clip.mp4') {
  return generateClip(join(dir, name), { width: 426, height: 240, durationSeconds: 20, gop: 60 })
}

/**
 * Waits until the transcoding job of the video has completed. A web-ready upload is published at once as a copy
 * of its source, then replaced by the encoded rendition: pages opened before that would lose their files.
 */
export async function waitForTranscodingEnd (instance: TestInstance, uuid: string, timeoutMs = 90_000) {
  await waitUntil(async () => {
    const res = await instance.api().get('/api/v1/jobs/completed')
      .query({ jobType: 'video-transcoding', count: 100 })
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .expect(200)
    return (res.body.data as { data: { videoUUID?: string } }[]).some(job => job.data.videoUUID === uuid)
  }, timeoutMs, 500)
  return waitForLadder(instance, uuid, [ 240 ], { timeoutMs })
}
