import { randomUUID } from 'node:crypto'
import { mkdir, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { moveFile } from '../../../helpers/fs/move-file.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { RUNNER_UPLOAD } from '../../../initializers/constants/runners.js'
import { RunnerJobModel } from '../../../models/runner/runner-job.js'
import type { RunnerModel } from '../../../models/runner/runner.js'
import { HttpProblem } from '../../http-problems/http-problem.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { transcodingRootDir } from '../../video-paths.js'
import { RUNNER_PROBLEM } from '../runner-problems.js'
import { maxResultBytes } from '../verification/check-streams.js'
import type { VodPrivatePayload } from './vod-runner-jobs.js'

const log = loggerWithTags('runners', 'transcoding')

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
 * A runner posts the output of a VOD job it holds. Nothing is published here: the files are checked for type and
 * size, then held with the job COMPLETING and a `runner-output-verification` job (verify-result-job.ts) in one unit
 * of work, and the runner is answered at once. That job refuses the output (the job goes to another runner) or
 * hands it to `runner-job-ended`, which stores it through the same path as a local encode.
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

  // A folder per posted result: a refused one's delayed removal never touches the next runner's.
  const workDir = join(heldResultsDir(job.uuid), randomUUID())
  await mkdir(workDir, { recursive: true })
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
      locked.privatePayload = { ...locked.privatePayload, result: held, verification: undefined }
      await locked.save()
      // Checked by a job (a restart in the middle of a check runs it again); the runner is answered now.
      await jobQueue.createJob('runner-output-verification', { jobUUID: locked.uuid }, { dedupKey: `runner-output-verification-${locked.uuid}` })
    })
  } catch (err) {
    await rm(workDir, { recursive: true, force: true })
    throw err
  }
  log.debug(`Output of runner job ${job.uuid} from runner ${runner.name} held for verification`)
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
