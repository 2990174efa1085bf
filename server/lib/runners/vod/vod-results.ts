import { mkdir, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { moveFile } from '../../../helpers/fs/move-file.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { RUNNER_UPLOAD, RUNNER_VERIFICATION } from '../../../initializers/constants/runners.js'
import { createConcurrencyLimit } from '../../../helpers/concurrency-limit.js'
import { RunnerJobModel } from '../../../models/runner/runner-job.js'
import type { RunnerModel } from '../../../models/runner/runner.js'
import { HttpProblem } from '../../http-problems/http-problem.js'
import { removeFilesAfterCommit } from '../../job-queue/handlers/files-removal.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { transcodingRootDir } from '../../video-paths.js'
import { failJob, recordProgress } from '../runner-job-states.js'
import { RUNNER_PROBLEM } from '../runner-problems.js'
import { recordVerdict } from '../runner-reputation.js'
import { maxResultBytes } from '../verification/check-streams.js'
import { verifyRunnerOutput, type Verdict } from '../verification/verify-output.js'
import { recordRunnerJobEnded, type VodPrivatePayload } from './vod-runner-jobs.js'
import { verificationSettingsFor } from '../verification/verification-settings.js'

const log = loggerWithTags('runners', 'transcoding')
const verificationSlot = createConcurrencyLimit(RUNNER_VERIFICATION.CONCURRENCY)

export interface UploadedResult {
  field: string
  path: string
  originalname: string
  size: number
}

export interface StoredResultPaths {
  videoPath: string
  playlistPath?: string
}

/** Where accepted results wait for their storing job (under storage.tmp, the same file system as uploads). */
export function heldResultsDir (jobUUID: string) {
  return join(transcodingRootDir(), 'runner-results', jobUUID)
}

/**
 * A runner posts the output of a VOD job it holds. Nothing is published here: the files are checked (type, size,
 * then the whole verification) and either refused — the job goes to another runner, the runner's record is marked,
 * the files are removed once that is committed — or held, with the job COMPLETING and a `runner-job-ended` job
 * that stores them through the same path as a local encode, in one unit of work.
 */
export async function receiveVodResult (options: { job: RunnerJobModel, runner: RunnerModel, video: UploadedResult, playlist?: UploadedResult }) {
  const { job, runner } = options
  const privatePayload = job.privatePayload as VodPrivatePayload
  checkUpload(options.video, [ '.mp4', '.m4v', '.mov' ], maxResultBytes({
    maxBitrate: privatePayload.maxBitrate,
    durationSeconds: privatePayload.source.durationSeconds,
    factor: RUNNER_UPLOAD.SIZE_FACTOR,
    minimum: RUNNER_UPLOAD.MIN_ALLOWANCE_BYTES
  }))
  if (job.type === 'vod-hls-transcoding') {
    if (!options.playlist) throw missingFile('payload[resolutionPlaylistFile]')
    checkUpload(options.playlist, [ '.m3u8' ], RUNNER_UPLOAD.PLAYLIST_MAX_BYTES)
  }

  const inputExists = await stat(privatePayload.inputPath).then(() => true, () => false)
  if (!inputExists) {
    // The video was deleted (or finished) meanwhile: there is nothing to check against, nor anything to publish.
    throw new HttpProblem({ status: 409, detail: 'The video of this job is gone', code: RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PROCESSING_STATE })
  }

  const workDir = heldResultsDir(job.uuid)
  await mkdir(workDir, { recursive: true })
  const verdict = await keepingJobAlive(job, () => verificationSlot(() => verifyRunnerOutput({
    outputPath: options.video.path,
    playlistPath: options.playlist?.path,
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
    settings: verificationSettingsFor(runner),
    workDir
  })))
  logVerdict(job, runner, verdict)

  const uploaded = [ options.video.path, ...(options.playlist ? [ options.playlist.path ] : []) ]
  if (!verdict.accepted) {
    const reason = `Output of runner ${runner.name} refused: ${verdict.problems.join('; ')}`
    await unitOfWork(async () => {
      const locked = await lockStillHeld(job)
      if (locked) await failJob(locked, reason, { countFailure: true, refusedRunnerId: runner.id })
      await recordVerdict(runner, false, reason)
      await removeFilesAfterCommit({ paths: uploaded })
    })
    await rm(workDir, { recursive: true, force: true })
    throw new HttpProblem({ status: 422, detail: reason, code: RUNNER_PROBLEM.OUTPUT_REFUSED })
  }

  const held: StoredResultPaths = { videoPath: join(workDir, `video${extname(options.video.originalname).toLowerCase() || '.mp4'}`) }
  await moveFile(options.video.path, held.videoPath)
  if (options.playlist) {
    held.playlistPath = join(workDir, 'playlist.m3u8')
    await moveFile(options.playlist.path, held.playlistPath)
  }

  try {
    await unitOfWork(async () => {
      const locked = await lockStillHeld(job)
      if (!locked) throw new HttpProblem({ status: 400, detail: 'Job is not in "processing" state', code: RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PROCESSING_STATE })
      locked.state = RunnerJobState.COMPLETING
      locked.progress = 100
      locked.privatePayload = { ...locked.privatePayload, result: held, verification: summarize(verdict) }
      await locked.save()
      await recordVerdict(runner, true)
      await recordRunnerJobEnded(locked)
    })
  } catch (err) {
    await rm(workDir, { recursive: true, force: true })
    throw err
  }
}

/**
 * The runner is silent while its output is checked (PeerTube's stops reporting progress once it posts): the job is
 * touched meanwhile, so a long check (a long video, a busy instance) is not taken for a stalled runner.
 */
async function keepingJobAlive<T> (job: RunnerJobModel, fn: () => Promise<T>) {
  const touch = () => recordProgress(job, undefined).catch(err => log.warn(`Cannot keep runner job ${job.uuid} alive: ${(err as Error).message}`))
  await touch()
  const timer = setInterval(() => { void touch() }, RUNNER_VERIFICATION.KEEP_ALIVE_MS)
  try {
    return await fn()
  } finally {
    clearInterval(timer)
  }
}

/** The job, row-locked, if the runner still holds it (a second success, or the watchdog, may have come first). */
async function lockStillHeld (job: RunnerJobModel) {
  const locked = await RunnerJobModel.loadForUpdate(job.uuid)
  if (!locked || locked.state !== RunnerJobState.PROCESSING || locked.processingJobTokenHash !== job.processingJobTokenHash) return null
  return locked
}

function checkUpload (file: UploadedResult, extensions: string[], maxBytes: number) {
  const extension = extname(file.originalname).toLowerCase()
  if (!extensions.includes(extension)) {
    throw new HttpProblem({
      status: 415,
      detail: `${file.field} should be a ${extensions.join(' or ')} file`,
      invalidParams: { [file.field]: { type: 'field', value: file.originalname, msg: `Should be a ${extensions.join(' or ')} file`, path: file.field, location: 'files' } }
    })
  }
  if (file.size > maxBytes || file.size === 0) {
    throw new HttpProblem({
      status: file.size === 0 ? 400 : 413,
      detail: `${file.field} is ${file.size} bytes: a file of this rung is between 1 and ${maxBytes} bytes`,
      invalidParams: { [file.field]: { type: 'field', value: file.size, msg: `Should be between 1 and ${maxBytes} bytes`, path: file.field, location: 'files' } }
    })
  }
}

export function missingFile (field: string) {
  return new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${field}`,
    invalidParams: { [field]: { type: 'field', value: undefined, msg: 'This file is required', path: field, location: 'files' } }
  })
}

function summarize (verdict: Verdict) {
  return { timings: verdict.timings, windows: verdict.windows }
}

function logVerdict (job: RunnerJobModel, runner: RunnerModel, verdict: Verdict) {
  const { totalMs, spotEncodeMs, spotCompareMs, decodeMs } = verdict.timings
  const scores = verdict.windows.map(w => `SSIM ${w.theirs.ssim.toFixed(3)} (ours ${w.ours.ssim.toFixed(3)})`).join(', ')
  const outcome = verdict.accepted ? 'accepted' : `refused (${verdict.problems.join('; ')})`
  log.info(`Output of job ${job.uuid} from runner ${runner.name} ${outcome} in ${totalMs} ms (decode ${decodeMs}, spot check ${spotEncodeMs}+${spotCompareMs})${scores ? ': ' + scores : ''}`)
}
