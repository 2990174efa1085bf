import type { Job } from 'bull'
import { mkdir, rm } from 'node:fs/promises'
import { VideoImportState } from '../../../shared/models/video-imports.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VIDEO_IMPORTS } from '../../initializers/constants/video-imports.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { VideoImportModel } from '../../models/video/video-import.js'
import { UserModel } from '../../models/user/user.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import type { JobContext } from '../job-queue/handlers/index.js'
import { getUserVideoQuotaUsed, getUserVideoQuotaUsedDaily } from '../users/quota.js'
import type { VideoImportPayload } from './create-video-import.js'
import { downloadHttp, type DownloadedFile } from './download-http.js'
import { downloadTorrent } from './download-torrent.js'
import { downloadWithExtractor, extractorPath } from './download-with-extractor.js'
import { finishVideoImport } from './finish-video-import.js'
import { importDownloadDir, importWorkDir } from './import-paths.js'
import { inspectTargetUrl } from './inspect-source.js'
import { HttpProblem } from '../http-problems/http-problem.js'
import { notifyMyVideoImportFinished } from '../notifications/index.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

const log = loggerWithTags('video-imports', 'job')

/** Why a download was stopped on purpose (not a failure to record). */
class ImportStopped extends Error {}

// Aborted when the instance stops: the download is dropped and its job left unsettled, so that Bull hands it out
// again after the restart (the import, still Processing, starts over from an empty folder).
const shutdown = new AbortController()

export function abortRunningImports () {
  shutdown.abort(new ImportStopped('the instance is stopping'))
}

/**
 * Downloads an import's source, then hands the file to the normal pipeline (probe, images, transcoding). Runs
 * again safely: an import that is over (done, failed, cancelled) or whose video is gone is left as it is, and each
 * attempt starts from an empty download folder. A cancel or a deletion of the video stops a running download.
 */
export async function processVideoImport (job: Job<VideoImportPayload>, { signal }: JobContext) {
  const id = job.data.videoImportId
  const videoImport = await VideoImportModel.findByPk(id)
  if (!videoImport) return { skipped: 'the import was deleted' }
  if (videoImport.state !== VideoImportState.PENDING && videoImport.state !== VideoImportState.PROCESSING) {
    return { skipped: `the import is ${videoImport.state}` }
  }
  if (!videoImport.videoId) {
    await markFailed(id, 'The video was deleted before its import ended')
    return { skipped: 'the video was deleted' }
  }

  await VideoImportModel.update({ state: VideoImportState.PROCESSING }, { where: { id } })
  const stop = new AbortController()
  const watcher = watchForCancel(id, stop)
  const dir = importDownloadDir(id)
  try {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })

    const user = await UserModel.findByPk(videoImport.userId)
    if (!user) throw new PermanentJobError('The user of this import is gone')
    const maxBytes = await importByteLimit(user)
    const both = AbortSignal.any([ signal, stop.signal, shutdown.signal ])

    const file = await download(videoImport, dir, maxBytes, both)
    if (stop.signal.aborted) throw stop.signal.reason
    await finishVideoImport({ importId: id, file, user })
    log.info(`Import ${id} downloaded (${file.size} bytes), now transcoding`)
    return { size: file.size }
  } catch (err) {
    if (shutdown.signal.aborted) return new Promise<never>(() => undefined)
    if (stop.signal.aborted) return { skipped: String((stop.signal.reason as Error)?.message ?? 'stopped') }
    if (err instanceof PermanentJobError) await markFailed(id, err.message)
    throw err
  } finally {
    clearInterval(watcher)
    await rm(importWorkDir(id), { recursive: true, force: true }).catch(() => undefined)
  }
}

/** After the last attempt (network failures, time limit): the import is failed with the reason. */
export async function onVideoImportFailed (job: Job<VideoImportPayload>, err: Error) {
  await markFailed(job.data.videoImportId, err.message)
}

async function download (videoImport: VideoImportModel, dir: string, maxBytes: number, signal: AbortSignal): Promise<DownloadedFile> {
  if (videoImport.targetUrl) {
    const http = CONFIG.import.videos.http
    if (!http.enabled) throw new PermanentJobError('HTTP import is not enabled on this instance')
    // A page (not a media file) is accepted only when an extractor is configured: look again at what it is.
    if (extractorPath() && (await inspectOrFail(videoImport.targetUrl)).type === 'extractor') {
      return downloadWithExtractor({ url: videoImport.targetUrl, dir, maxBytes, signal })
    }
    return downloadHttp({ url: videoImport.targetUrl, dir, maxBytes, signal })
  }

  if (!CONFIG.import.videos.torrent.enabled) throw new PermanentJobError('Torrent/magnet URI import is not enabled on this instance')
  const torrent = videoImport.torrentFile ?? videoImport.magnetUri
  if (!torrent) throw new PermanentJobError('This import has no source')
  return downloadTorrent({
    torrent,
    dir,
    maxBytes,
    signal,
    onMetadata: async name => {
      if (!videoImport.torrentName) await VideoImportModel.update({ torrentName: name.slice(0, 255) }, { where: { id: videoImport.id } })
    }
  })
}

async function inspectOrFail (url: string) {
  try {
    return await inspectTargetUrl(url)
  } catch (err) {
    if (err instanceof HttpProblem) throw new PermanentJobError(err.detail)
    throw err
  }
}

/** The instance's file size limit, or what is left of the user's quotas if less. */
async function importByteLimit (user: UserModel) {
  let limit = CONFIG.video.max_file_size
  if (user.videoQuota !== -1) limit = Math.min(limit, user.videoQuota - await getUserVideoQuotaUsed(user.id))
  if (user.videoQuotaDaily !== -1) limit = Math.min(limit, user.videoQuotaDaily - await getUserVideoQuotaUsedDaily(user.id))
  if (limit <= 0) throw new PermanentJobError('The user video quota is exceeded')
  return limit
}

/** Polls the import: cancelled, deleted, or its video deleted, the download stops. */
function watchForCancel (id: number, stop: AbortController) {
  return setInterval(() => {
    VideoImportModel.loadState(id).then(current => {
      if (!current) stop.abort(new ImportStopped('the import was deleted'))
      else if (current.state === VideoImportState.CANCELLED) stop.abort(new ImportStopped('the import was cancelled'))
      else if (!current.videoId) stop.abort(new ImportStopped('the video was deleted'))
    }).catch(() => undefined)
  }, VIDEO_IMPORTS.CANCEL_POLL_MS)
}

async function markFailed (id: number, error: string) {
  const reason = error.slice(0, VIDEO_IMPORTS.ERROR_MAX_LENGTH)
  await unitOfWork(async () => {
    // A cancelled import stays cancelled (and tells nobody).
    const [ changed ] = await VideoImportModel.update(
      { state: VideoImportState.FAILED, error: reason },
      { where: { id, state: [ VideoImportState.PENDING, VideoImportState.PROCESSING ] } }
    )
    if (changed !== 0) await notifyMyVideoImportFinished(id, false, reason)
  })
}
