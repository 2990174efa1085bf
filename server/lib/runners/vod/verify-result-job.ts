import { mkdir, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Job } from 'bull'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { faultPoint } from '../../../helpers/fault-points.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { RunnerJobModel } from '../../../models/runner/runner-job.js'
import { RunnerModel } from '../../../models/runner/runner.js'
import { removeFilesAfterCommit } from '../../job-queue/handlers/files-removal.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { failJob } from '../runner-job-states.js'
import { recordVerdict } from '../runner-reputation.js'
import { runnerNotifier } from '../runner-socket.js'
import { verificationSettingsFor } from '../verification/verification-settings.js'
import { verifyRunnerOutput, type Verdict } from '../verification/verify-output.js'
import { heldResultsDir, type StoredResultPaths } from './vod-results.js'
import { recordRunnerJobEnded, type VodPrivatePayload } from './vod-runner-jobs.js'

const log = loggerWithTags('runners', 'transcoding')

export interface RunnerOutputVerificationPayload {
  jobUUID: string
}

type HeldPayload = VodPrivatePayload & { result?: StoredResultPaths, verification?: ReturnType<typeof summarize> }

/**
 * Checks a runner's posted output (held, its job COMPLETING) out of the runner's request: accepted, the job gets its
 * `runner-job-ended` job, which stores it; refused, the job goes back to the queue without that runner (or errors
 * after too many failures), the runner's record is marked and the files go. Idempotent: a job that was decided (or
 * cancelled, or deleted) meanwhile is left alone, and a check interrupted by a restart runs again from the held files.
 */
export async function processRunnerOutputVerification (job: Job<RunnerOutputVerificationPayload>) {
  const runnerJob = await RunnerJobModel.findOne({ where: { uuid: job.data.jobUUID } })
  const privatePayload = runnerJob?.privatePayload as HeldPayload | undefined
  if (!runnerJob || runnerJob.state !== RunnerJobState.COMPLETING || !privatePayload?.result || privatePayload.verification) {
    // A deleted job's files go; otherwise another runner's result may be arriving in the same folder.
    if (!runnerJob) await rm(heldResultsDir(job.data.jobUUID), { recursive: true, force: true })
    return { skipped: 'the job was decided, cancelled or deleted meanwhile' }
  }
  const result = privatePayload.result
  const runner = runnerJob.runnerId !== null ? await RunnerModel.findByPk(runnerJob.runnerId) : null

  const [ held, input ] = await Promise.all([ exists(result.videoPath), exists(privatePayload.inputPath) ])
  if (!held || !input) {
    // The video is gone (its kept upload with it): nothing to check against nor to publish. Held files lost
    // (storage cleaned): the job goes back to the runners.
    await unitOfWork(async () => {
      const locked = await RunnerJobModel.loadForUpdate(runnerJob.uuid)
      if (!locked || locked.state !== RunnerJobState.COMPLETING) return
      if (!input) {
        locked.finishWith(RunnerJobState.CANCELLED, 'The video of this job is gone')
        await locked.save()
        await removeFilesAfterCommit({ paths: [], folders: [ heldResultsDir(locked.uuid) ] })
        return recordRunnerJobEnded(locked)
      }
      log.warn(`Result of runner job ${locked.uuid} is gone before it was checked: queued again`)
      locked.resetToPending()
      await locked.save()
    })
    runnerNotifier.notifyAvailableJobs()
    return { requeued: true }
  }

  const heldDir = dirname(result.videoPath)
  const workDir = join(heldDir, 'check')
  // A check cut short left its files: it starts again from a clean folder.
  await rm(workDir, { recursive: true, force: true })
  await mkdir(workDir, { recursive: true })
  faultPoint('runner-verification')
  const verdict = await verifyRunnerOutput({
    outputPath: result.videoPath,
    playlistPath: result.playlistPath,
    sourcePath: privatePayload.inputPath,
    expected: {
      resolution: privatePayload.resolution,
      fps: privatePayload.fps,
      maxBitrate: privatePayload.maxBitrate,
      sourceWidth: privatePayload.source.width,
      sourceHeight: privatePayload.source.height,
      sourceDurationSeconds: privatePayload.source.durationSeconds,
      sourceHasAudio: privatePayload.source.hasAudio,
      durationTolerance: CONFIG.remote_runners.verification.duration_tolerance
    },
    settings: verificationSettingsFor(runner ?? { trusted: false }),
    workDir
  }).finally(() => rm(workDir, { recursive: true, force: true }))
  const runnerName = runner?.name ?? 'removed'
  logVerdict(runnerJob, runnerName, verdict)

  await unitOfWork(async () => {
    const locked = await RunnerJobModel.loadForUpdate(runnerJob.uuid)
    if (!locked || locked.state !== RunnerJobState.COMPLETING || (locked.privatePayload as HeldPayload).verification) return
    if (!verdict.accepted) {
      const reason = `Output of runner ${runnerName} refused: ${verdict.problems.join('; ')}`
      locked.privatePayload = { ...locked.privatePayload, result: undefined }
      await failJob(locked, reason, { countFailure: true, refusedRunnerId: runner?.id })
      if (runner) await recordVerdict(runner, false, reason)
      await removeFilesAfterCommit({ paths: [], folders: [ heldDir ] })
      return
    }
    locked.privatePayload = { ...locked.privatePayload, verification: summarize(verdict) }
    await locked.save()
    if (runner) await recordVerdict(runner, true)
    await recordRunnerJobEnded(locked)
  })
  if (!verdict.accepted) runnerNotifier.notifyAvailableJobs()
  return { accepted: verdict.accepted, problems: verdict.problems }
}

/**
 * The check itself kept failing (ffmpeg could not run it, not a refusal): the output is dropped and the job goes back
 * to the runners, rather than staying COMPLETING for ever.
 */
export async function onRunnerOutputVerificationFailed (job: Job<RunnerOutputVerificationPayload>, err: Error) {
  await unitOfWork(async () => {
    const locked = await RunnerJobModel.loadForUpdate(job.data.jobUUID)
    if (!locked || locked.state !== RunnerJobState.COMPLETING || (locked.privatePayload as HeldPayload).verification) return
    const result = (locked.privatePayload as HeldPayload).result
    locked.privatePayload = { ...locked.privatePayload, result: undefined }
    await failJob(locked, `Its output could not be checked: ${err.message}`, { countFailure: true })
    if (result) await removeFilesAfterCommit({ paths: [], folders: [ dirname(result.videoPath) ] })
  })
  runnerNotifier.notifyAvailableJobs()
}

function exists (path: string) {
  return stat(path).then(() => true, () => false)
}

function summarize (verdict: Verdict) {
  return { timings: verdict.timings, windows: verdict.windows }
}

function logVerdict (job: RunnerJobModel, runnerName: string, verdict: Verdict) {
  const { totalMs, spotEncodeMs, spotCompareMs, decodeMs } = verdict.timings
  const scores = verdict.windows.map(w => `SSIM ${w.theirs.ssim.toFixed(3)} (ours ${w.ours.ssim.toFixed(3)})`).join(', ')
  const outcome = verdict.accepted ? 'accepted' : `refused (${verdict.problems.join('; ')})`
  log.info(`Output of job ${job.uuid} from runner ${runnerName} ${outcome} in ${totalMs} ms (decode ${decodeMs}, spot check ${spotEncodeMs}+${spotCompareMs})${scores ? ': ' + scores : ''}`)
}
