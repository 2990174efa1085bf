import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { VideoState } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoModel } from '../../models/video/video.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { inputFilesDir } from '../video-paths.js'
import { transcodingJobKey } from './transcode-video.js'

const log = loggerWithTags('transcoding')

/**
 * A kept source file means its video's ladder is not finished (the job removes it at the end). At start-up,
 * each one gets its transcoding job back: a no-op when the job still exists (the job id is the video's UUID),
 * the rescue of a video whose job was never created because the instance died right after the upload.
 */
export async function requeueUnfinishedTranscodings () {
  const dir = inputFilesDir()
  const entries = await readdir(dir).catch(() => [] as string[])

  for (const entry of entries) {
    const uuid = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-input/.exec(entry)?.[1]
    if (!uuid) continue

    const video = await VideoModel.findOne({ where: { uuid, remote: false } })
    if (!video) {
      await rm(join(dir, entry), { force: true })
      continue
    }
    if (video.state === VideoState.TRANSCODING_FAILED) continue

    await jobQueue.createJob('video-transcoding', { videoUUID: uuid, inputPath: join(dir, entry) }, { dedupKey: transcodingJobKey(uuid) })
  }
  if (entries.length !== 0) log.info(`Checked ${entries.length} unfinished transcodings`)
}
