import { rm, stat } from 'node:fs/promises'
import type { Job } from 'bull'
import { RunnerJobState } from '../../../shared/models/runners.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { RunnerJobModel } from '../../models/runner/runner-job.js'
import { addRendition, loadVideo, publishIfPlayable } from '../transcoding/transcode-video.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { describeRenditionFile } from '../video-pipeline/index.js'
import { releaseChildren } from './runner-job-states.js'
import { runnerNotifier } from './runner-socket.js'
import { heldResultsDir, type StoredResultPaths } from './vod/vod-results.js'
import { finishVideoIfLadderDone, type VodPrivatePayload } from './vod/vod-runner-jobs.js'

const log = loggerWithTags('runners', 'transcoding')

export interface RunnerJobEndedPayload {
  jobUUID: string
}

/**
 * Follows a runner job that ended: a verified result (COMPLETING) is stored through the same path as a local encode
 * — HLS remux, web video, torrents, playlists, under the video's lock — and the job is COMPLETED in that same unit of
 * work; then the video is finished once none of its jobs is left. Idempotent: a completed job is not stored twice, and
 * a result whose held files are gone (a crash in the middle of storing) sends the job back to the runners.
 */
export async function processRunnerJobEnded (job: Job<RunnerJobEndedPayload>) {
  const runnerJob = await RunnerJobModel.findOne({ where: { uuid: job.data.jobUUID } })
  if (!runnerJob) return { skipped: 'the runner job was deleted' }
  const privatePayload = runnerJob.privatePayload as VodPrivatePayload & { result?: StoredResultPaths, verification?: unknown }

  // Only a result the runner-output-verification job accepted is stored.
  if (runnerJob.state === RunnerJobState.COMPLETING && privatePayload.result && privatePayload.verification) {
    const stored = await storeResult(runnerJob, privatePayload, privatePayload.result)
    if (!stored) return { requeued: true }
  }
  if (runnerJob.videoUUID) await finishVideoIfLadderDone(runnerJob.videoUUID)
  return { state: runnerJob.state }
}

async function storeResult (runnerJob: RunnerJobModel, privatePayload: VodPrivatePayload, result: StoredResultPaths) {
  const video = await loadVideo(privatePayload.videoUUID)
  if (!video) {
    await unitOfWork(async () => {
      runnerJob.finishWith(RunnerJobState.CANCELLED, 'The video was deleted')
      await runnerJob.save()
    })
    await rm(heldResultsDir(runnerJob.uuid), { recursive: true, force: true })
    return true
  }

  const present = await stat(result.videoPath).then(() => true, () => false)
  if (!present) {
    log.warn(`Result of runner job ${runnerJob.uuid} is gone before it was stored: queued again`)
    await unitOfWork(async () => {
      runnerJob.resetToPending()
      await runnerJob.save()
    })
    runnerNotifier.notifyAvailableJobs()
    return false
  }

  const rendition = await describeRenditionFile(result.videoPath, privatePayload.resolution)
  await unitOfWork(async () => {
    await addRendition(video, rendition)
    runnerJob.state = RunnerJobState.COMPLETED
    runnerJob.finishedAt = new Date()
    runnerJob.progress = null
    await runnerJob.save()
    await releaseChildren(runnerJob)
  })
  log.info(`Video ${video.uuid}: ${privatePayload.resolution}p from runner job ${runnerJob.uuid} stored`)
  await publishIfPlayable(video.uuid)
  await rm(heldResultsDir(runnerJob.uuid), { recursive: true, force: true })
  return true
}
