import { extname } from 'node:path'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { RUNNER_UPLOAD } from '../../../initializers/constants/runners.js'
import { RunnerJobModel } from '../../../models/runner/runner-job.js'
import { badRequest, HttpProblem } from '../../http-problems/http-problem.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { RUNNER_PROBLEM } from '../runner-problems.js'
import type { UploadedResult } from '../vod/vod-results.js'
import { applyLiveChunkUpdate, isLiveSessionActive, onLiveJobCompleted } from './live-runner-jobs.js'

/** A live runner's update: checked (session still on, file types and sizes), then applied to the live's folder. */
export async function updateLiveJob (job: RunnerJobModel, payload: { type: 'add-chunk' | 'remove-chunk', videoChunkFilename: string, resolutionPlaylistFilename?: string }, files: {
  videoChunkFile?: UploadedResult
  resolutionPlaylistFile?: UploadedResult
  masterPlaylistFile?: UploadedResult
}) {
  if (!isLiveSessionActive(job)) {
    // PeerTube's runner stops (and posts its success) on this code.
    throw badRequest('Session of this live ended', RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PROCESSING_STATE)
  }
  if (payload.type === 'add-chunk' && !files.videoChunkFile) throw badRequest('Payload is invalid: add-chunk needs payload[videoChunkFile]')
  if (files.resolutionPlaylistFile && !payload.resolutionPlaylistFilename) throw badRequest('Payload is invalid: a playlist needs payload[resolutionPlaylistFilename]')
  checkSize(files.videoChunkFile, RUNNER_UPLOAD.LIVE_CHUNK_MAX_BYTES, [ '.ts', '.mp4', '.m4s' ])
  checkSize(files.resolutionPlaylistFile, RUNNER_UPLOAD.PLAYLIST_MAX_BYTES, [ '.m3u8' ])
  checkSize(files.masterPlaylistFile, RUNNER_UPLOAD.PLAYLIST_MAX_BYTES, [ '.m3u8' ])

  await applyLiveChunkUpdate(job, {
    type: payload.type,
    videoChunkFilename: payload.videoChunkFilename,
    videoChunkFile: files.videoChunkFile?.path,
    resolutionPlaylistFilename: payload.resolutionPlaylistFilename,
    resolutionPlaylistFile: files.resolutionPlaylistFile?.path,
    masterPlaylistFile: files.masterPlaylistFile?.path
  })
}

/** The runner's success for a live: its input ended. */
export async function completeLiveJob (job: RunnerJobModel) {
  await unitOfWork(async () => {
    const locked = await RunnerJobModel.loadForUpdate(job.uuid)
    if (!locked || locked.state !== RunnerJobState.PROCESSING) return
    locked.finishWith(RunnerJobState.COMPLETED)
    locked.progress = null
    await locked.save()
    onLiveJobCompleted(locked)
  })
}

function checkSize (file: UploadedResult | undefined, maxBytes: number, extensions: string[]) {
  if (!file) return
  if (!extensions.includes(extname(file.originalname).toLowerCase())) {
    throw new HttpProblem({
      status: 415,
      detail: `${file.field} should be a ${extensions.join(' or ')} file`,
      invalidParams: { [file.field]: { type: 'field', value: file.originalname, msg: `Should be a ${extensions.join(' or ')} file`, path: file.field, location: 'files' } }
    })
  }
  if (file.size > maxBytes) {
    throw new HttpProblem({
      status: 413,
      detail: `${file.field} is larger than ${maxBytes} bytes`,
      invalidParams: { [file.field]: { type: 'field', value: file.size, msg: `Should be at most ${maxBytes} bytes`, path: file.field, location: 'files' } }
    })
  }
}
