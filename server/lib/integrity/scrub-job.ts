import type { Job } from 'bull'
import { Op } from 'sequelize'
import { ReadRateLimiter } from '../../helpers/crypto/sha256-stream.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { StorageScrubRunModel, type ScrubProblem } from '../../models/storage/storage-scrub-run.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoSourceModel } from '../../models/video/video-source.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { originalFilePath, type KeptOriginal } from '../videos/video-source.js'
import { repairCopy } from './repair-copy.js'
import { describeLocation, digestCopy, locateVideoFile, type CopyLocation } from './stored-copies.js'

const log = loggerWithTags('integrity')

export interface StorageScrubPayload {
  runId: number
}

const MAX_PROBLEMS_KEPT = 300
const PHASES = [ 'files', 'originals', 'mirrors' ] as const

// One limiter per process: every scrub job shares the configured read rate.
let limiter: ReadRateLimiter | undefined
function readLimiter () {
  limiter ??= new ReadRateLimiter(CONFIG.integrity.scrub.max_read_rate)
  return limiter
}

/** Starts a pass (scheduled or from the admin panel) unless one is running; returns it. */
export async function startStorageScrub (trigger: 'scheduled' | 'manual') {
  return unitOfWork(async () => {
    const running = await StorageScrubRunModel.loadRunning()
    if (running) return { run: running, started: false }
    const run = await StorageScrubRunModel.create({ state: 'running', trigger, cursor: { phase: 'files', afterId: 0 }, startedAt: new Date() })
    await jobQueue.createJob('storage-scrub', { runId: run.id }, { orderKey: 'storage-scrub', dedupKey: `storage-scrub:${run.id}:0` })
    return { run, started: true }
  })
}

interface BatchOutcome { checked: number, bad: number, repaired: number, unrepairable: number, bytesRead: number, problems: ScrubProblem[] }

/**
 * storage-scrub: one batch of a pass. Reads every copy of up to `files_per_job` files from the cursor on (rate-
 * limited), compares it with the SHA-256 recorded when it was written, repairs what is bad or missing, then
 * records the counts and the next cursor with the next batch's job in one unit of work: a pass resumes after a
 * crash at the batch it was in, and a batch run twice only checks its files twice.
 */
export async function processStorageScrub (job: Job<StorageScrubPayload>, context: { signal: AbortSignal }) {
  const run = await StorageScrubRunModel.findByPk(job.data.runId)
  if (!run || run.state !== 'running') return { skipped: 'no such running pass' }

  const outcome: BatchOutcome = { checked: 0, bad: 0, repaired: 0, unrepairable: 0, bytesRead: 0, problems: [] }
  let cursor = { ...run.cursor }
  const batchSize = CONFIG.integrity.scrub.files_per_job
  if (cursor.phase === 'files') cursor = await scrubFiles(cursor.afterId, batchSize, outcome, context.signal)
  else if (cursor.phase === 'originals') cursor = await scrubOriginals(cursor.afterId, batchSize, outcome, context.signal)
  else if (cursor.phase === 'mirrors') cursor = await recheckMirrors(cursor.afterId, batchSize)

  const finished = !PHASES.includes(cursor.phase as typeof PHASES[number])
  await unitOfWork(async () => {
    await run.reload()
    run.checked += outcome.checked
    run.bad += outcome.bad
    run.repaired += outcome.repaired
    run.unrepairable += outcome.unrepairable
    run.bytesRead = run.bytesRead + outcome.bytesRead
    run.problems = [ ...run.problems, ...outcome.problems ].slice(-MAX_PROBLEMS_KEPT)
    run.cursor = cursor
    if (finished) {
      run.state = 'finished'
      run.finishedAt = new Date()
    }
    await run.save()
    if (!finished) await jobQueue.createJob('storage-scrub', { runId: run.id }, { orderKey: 'storage-scrub', dedupKey: `storage-scrub:${run.id}:${cursor.phase}:${cursor.afterId}` })
  })
  if (finished) log.info(`Storage scrub ${run.id} done: ${run.checked} checked, ${run.bad} bad, ${run.repaired} repaired, ${run.unrepairable} unrepairable`)
  return { ...outcome, problems: outcome.problems.length, cursor }
}

export async function onStorageScrubFailed (job: Job<StorageScrubPayload>, err: Error) {
  await StorageScrubRunModel.update({ state: 'failed', error: err.message.slice(0, 2000), finishedAt: new Date() }, { where: { id: job.data.runId, state: 'running' } })
}

function nextPhase (phase: string) {
  const index = PHASES.indexOf(phase as typeof PHASES[number])
  return { phase: PHASES[index + 1] ?? 'done', afterId: 0 }
}

/** Local videos' files (wherever they are stored), and the files of remote videos we mirror. */
async function scrubFiles (afterId: number, limit: number, outcome: BatchOutcome, signal: AbortSignal) {
  const serverActor = await getServerActor()
  const files = await VideoFileModel.findAll({ where: { id: { [Op.gt]: afterId } }, order: [ [ 'id', 'ASC' ] ], limit })
  if (files.length === 0) return nextPhase('files')
  for (const file of files) {
    const video = await videoOf(file)
    if (!video) continue
    if (video.remote && !await isMirroredByUs(file, serverActor.id)) continue
    await scrubVideoFile(video, file, outcome, signal)
  }
  return { phase: 'files', afterId: files[files.length - 1].id }
}

async function videoOf (file: VideoFileModel) {
  const videoId = file.videoId ?? (await VideoStreamingPlaylistModel.findByPk(file.videoStreamingPlaylistId!, { attributes: [ 'videoId' ] }))?.videoId
  return videoId ? VideoModel.findByPk(videoId) : null
}

async function isMirroredByUs (file: VideoFileModel, serverActorId: number) {
  const where = file.isHls() ? { videoStreamingPlaylistId: file.videoStreamingPlaylistId } : { videoFileId: file.id }
  return (await VideoRedundancyModel.count({ where: { ...where, actorId: serverActorId } })) !== 0
}

async function scrubVideoFile (video: VideoModel, file: VideoFileModel, outcome: BatchOutcome, signal: AbortSignal) {
  const location = await locateVideoFile(video, file)
  const digest = await digestCopy(location, { limiter: readLimiter(), signal })
  outcome.checked++
  if (digest) outcome.bytesRead += digest.size

  // Files written before hashes were recorded get theirs now (a local copy is its own reference).
  if (digest && !file.sha256) {
    file.sha256 = digest.sha256
    await file.save()
    return
  }
  if (digest && digest.sha256 === file.sha256 && digest.size === file.size) return

  const reason = !digest ? 'missing' : digest.size !== file.size ? `${digest.size} bytes instead of ${file.size}` : 'SHA-256 mismatch'
  outcome.bad++
  const repair = await repairCopy(video, file, location, signal).catch(err => ({ repaired: false, detail: (err as Error).message, from: undefined }))
  recordProblem(outcome, {
    kind: video.remote ? 'mirror' : file.isHls() ? 'hls' : 'web-video', videoUuid: video.uuid, filename: file.filename, location: describeLocation(location),
    reason: repair.repaired ? [ reason, repair.detail ].filter(Boolean).join('; ') : `${reason}; ${repair.detail ?? 'no good copy found'}`, outcome: repair.repaired ? 'repaired' : 'unrepairable', repairedFrom: repair.from
  })
}

/** Kept sources: only one copy exists, so a bad one can be reported, not repaired. */
async function scrubOriginals (afterId: number, limit: number, outcome: BatchOutcome, signal: AbortSignal) {
  const sources = await VideoSourceModel.findAll({ where: { id: { [Op.gt]: afterId }, keptOriginalFilename: { [Op.ne]: null } }, order: [ [ 'id', 'ASC' ] ], limit }) as KeptOriginal[]
  if (sources.length === 0) return nextPhase('originals')
  for (const source of sources) {
    const location: CopyLocation = source.storage === VideoFileStorage.OBJECT_STORAGE
      ? { type: 'object-storage', kind: 'original_video_files', key: source.keptOriginalFilename }
      : { type: 'file-system', path: originalFilePath(source) }
    const digest = await digestCopy(location, { limiter: readLimiter(), signal })
    outcome.checked++
    if (digest) outcome.bytesRead += digest.size
    if (digest && digest.sha256 === source.sha256) continue
    outcome.bad++
    const video = await VideoModel.findByPk(source.videoId, { attributes: [ 'uuid' ] })
    recordProblem(outcome, {
      kind: 'original', videoUuid: video?.uuid ?? '', filename: source.keptOriginalFilename, location: describeLocation(location),
      reason: `${digest ? 'SHA-256 mismatch' : 'missing'}; the kept original has no other copy`, outcome: 'unrepairable'
    })
  }
  return { phase: 'originals', afterId: sources[sources.length - 1].id }
}

/** Listed mirrors of our videos are read again by their check job: one that went bad is unlisted. */
async function recheckMirrors (afterId: number, limit: number) {
  const serverActor = await getServerActor()
  const mirrors = await VideoRedundancyModel.findAll({
    where: { id: { [Op.gt]: afterId }, actorId: { [Op.ne]: serverActor.id }, state: 'verified' }, order: [ [ 'id', 'ASC' ] ], limit
  })
  if (mirrors.length === 0) return nextPhase('mirrors')
  await unitOfWork(async () => {
    for (const mirror of mirrors) await jobQueue.createJob('video-redundancy-check', { redundancyId: mirror.id }, { dedupKey: `video-redundancy-check:${mirror.id}` })
  })
  return { phase: 'mirrors', afterId: mirrors[mirrors.length - 1].id }
}

function recordProblem (outcome: BatchOutcome, problem: Omit<ScrubProblem, 'at'>) {
  if (problem.outcome === 'repaired') outcome.repaired++
  else outcome.unrepairable++
  outcome.problems.push({ ...problem, at: new Date().toISOString() })
  log.warn(`Storage scrub: ${problem.kind} ${problem.filename} of ${problem.videoUuid} (${problem.location}): ${problem.reason} -> ${problem.outcome}${problem.repairedFrom ? ` from ${problem.repairedFrom}` : ''}`)
}
