import { randomUUID } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Job } from 'bull'
import { VideoState } from '../../../shared/models/videos.js'
import { probe, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { REPLACED_FILES_GRACE_MS } from '../../initializers/constants/videos.js'
import { VideoModel } from '../../models/video/video.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { planVideoTranscoding } from './plan-video-transcoding.js'
import {
  describeRenditionFile, encodeLadder, fastStartRemux, remuxToHls, type RenditionFile, type Rung, type TranscodingPlan
} from '../video-pipeline/index.js'
import { hlsDir, transcodingWorkDir } from '../video-paths.js'
import { withVideoLock } from '../videos/video-lock.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { notifyMyVideoTranscodingFailed } from '../notifications/index.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { removeFilesAfterCommit, type FilesRemovalPayload } from '../job-queue/handlers/files-removal.js'
import { findOrCreateHlsPlaylist, rewriteHlsPlaylistFiles } from './hls-playlist-files.js'
import { storedFilePaths, storeHlsFile, storeWebVideoFile } from './store-rendition.js'
import { finish, hasPlayableFile, isRungDone, loadVideo, previewPath } from './video-ladder.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { faultPoint } from '../../helpers/fault-points.js'
import { handOverLadderToRunners } from '../runners/vod/vod-runner-jobs.js'
import { moveVideoToFileSystem } from '../object-storage/move-to-file-system.js'
import { hasFilesInObjectStorage } from '../object-storage/video-storage-state.js'

const log = loggerWithTags('transcoding')

// Their own modules now; still exported here for the modules that import them from the pipeline.
export { transcodingJobKey } from './transcoding-job-key.js'
export { finish, hasPlayableFile, isRungDone, loadVideo, previewPath } from './video-ladder.js'

export interface VideoTranscodingPayload {
  videoUUID: string
  /** The uploaded source, kept until the whole ladder exists. */
  inputPath: string
  /**
   * Resolutions currently served by a codec copy of the source that exceeds that rung's limits: they still have to
   * be encoded. Kept in the job so a restart knows it.
   */
  temporaryResolutions?: number[]
  /** The source's duration, which sets the job's time limit. */
  durationSeconds?: number
}

/** The time limit of a transcoding job: scaled by the source's duration (an hour assumed when unknown). */
export function transcodingTimeoutMs (payload: Pick<VideoTranscodingPayload, 'durationSeconds'>) {
  const { minimum, per_minute_of_video: perMinute } = CONFIG.transcoding.timeout
  const minutes = (payload.durationSeconds ?? 3600) / 60
  return Math.round(minimum + perMinute * minutes)
}

// Aborted on shutdown so no ffmpeg outlives the instance. The interrupted job is left unsettled (not failed):
// after the restart, Bull finds it stalled and runs it again, and it resumes what is missing.
const shutdown = new AbortController()

export function abortRunningTranscodings () {
  shutdown.abort()
}

/** Aborted when the video is deleted while it transcodes, so its ffmpeg stops at once. */
const perVideo = new Map<string, AbortController>()
/**
 * The run of each video in this process. A job whose lock expired while Redis was away is handed out again by
 * Bull while its first run may still be going: the second run waits for the first, never two ladders at once.
 */
const runs = new Map<string, Promise<unknown>>()

export function abortVideoTranscoding (uuid: string) {
  perVideo.get(uuid)?.abort()
}

/**
 * Makes a video playable as fast as possible, then completes its ladder:
 * 1. nothing playable yet: a fast-start copy of a web-ready source, or one cheap rung, published at once;
 * 2. every rung still missing, encoded in one ffmpeg run (one decode), each MP4 also remuxed to HLS.
 * Each step records what it finished, so a rerun after a crash or restart only does what is missing.
 */
export async function transcodeVideo (job: Job<VideoTranscodingPayload>, timeLimit: AbortSignal) {
  const uuid = job.data.videoUUID
  const previous = runs.get(uuid)
  if (previous) await previous.catch(() => undefined)

  const run = transcodeOnce(job, timeLimit)
  runs.set(uuid, run)
  try {
    return await run
  } finally {
    if (runs.get(uuid) === run) runs.delete(uuid)
  }
}

async function transcodeOnce (job: Job<VideoTranscodingPayload>, timeLimit: AbortSignal) {
  const controller = new AbortController()
  perVideo.set(job.data.videoUUID, controller)
  try {
    return await runTranscoding(job, AbortSignal.any([ shutdown.signal, controller.signal, timeLimit ]))
  } catch (err) {
    if (shutdown.signal.aborted) return new Promise<never>(() => undefined)
    if (controller.signal.aborted) return { skipped: 'the video was deleted' }
    throw err
  } finally {
    if (perVideo.get(job.data.videoUUID) === controller) perVideo.delete(job.data.videoUUID)
    // Whatever this attempt left in its work folder is of no use to the next one (output names are per run).
    if (!shutdown.signal.aborted) await rm(transcodingWorkDir(job.data.videoUUID), { recursive: true, force: true }).catch(() => undefined)
  }
}

async function runTranscoding (job: Job<VideoTranscodingPayload>, signal: AbortSignal) {
  const data = job.data
  const video = await loadVideo(data.videoUUID)
  if (!video) {
    await rm(data.inputPath, { force: true })
    return { skipped: 'the video was deleted' }
  }

  const source = await probe(data.inputPath)
  const plan = planVideoTranscoding(source)
  const workDir = transcodingWorkDir(video.uuid)
  await mkdir(workDir, { recursive: true })
  const temporary = new Set(data.temporaryResolutions ?? [])
  // Fresh output names for each run: an ffmpeg orphaned by a crash may still be writing the previous run's files.
  const runId = randomUUID()

  const remote = CONFIG.transcoding.remote_runners.enabled
  // With remote runners, only the fast-start copy is done here; a source that needs encoding is encoded by them.
  if (!hasPlayableFile(video) && (!remote || plan.remuxSource)) {
    await makePlayable({ job, video, source, plan, workDir, temporary, signal })
  }

  const current = await loadVideo(data.videoUUID)
  if (!current) return { skipped: 'the video was deleted' }

  const missing = plan.ladder.filter(rung => !isRungDone(current, rung.resolution, temporary))
  if (remote) {
    const created = await handOverLadderToRunners({ video: current, inputPath: data.inputPath, source, plan, missing, playable: hasPlayableFile(current) })
    await job.progress(100)
    return { runnerJobs: created, resolutions: missing.map(r => r.resolution) }
  }
  if (missing.length !== 0) {
    log.info(`Video ${video.uuid}: encoding ${missing.map(r => r.resolution + 'p').join(', ')} in one pass`)
    const renditions = await encodeLadder({
      input: data.inputPath,
      rungs: missing,
      outputs: missing.map(rung => join(workDir, `${rung.resolution}-${runId}.mp4`)),
      probe: source,
      threads: CONFIG.transcoding.threads,
      preset: CONFIG.transcoding.preset,
      profile: CONFIG.transcoding.profile,
      audioOnlyImage: plan.audioOnly ? previewPath(current) : undefined,
      signal,
      onProgress: progress => { if (progress.ratio !== undefined) void job.progress(Math.round(10 + 85 * progress.ratio)) }
    })
    for (const rendition of renditions) {
      await addRendition(current, rendition, signal)
      faultPoint('rung-stored')
    }
    temporary.clear()
    await jobQueue.updateJobData(job, { ...data, temporaryResolutions: [] })
  }

  await finish(data.videoUUID, data.inputPath)
  await Promise.all([ rm(data.inputPath, { force: true }), rm(workDir, { recursive: true, force: true }) ])
  await job.progress(100)
  return { resolutions: plan.ladder.map(r => r.resolution) }
}

async function makePlayable (options: {
  job: Job<VideoTranscodingPayload>
  video: VideoModel
  source: ProbeResult
  plan: TranscodingPlan
  workDir: string
  temporary: Set<number>
  signal: AbortSignal
}) {
  const { job, video, source, plan, workDir, temporary, signal } = options

  if (plan.remuxSource) {
    const copied = await publishSourceCopy({ video, inputPath: job.data.inputPath, source, plan, workDir, signal })
    for (const resolution of copied.temporaryResolutions) temporary.add(resolution)
    await jobQueue.updateJobData(job, { ...job.data, temporaryResolutions: [ ...temporary ] })
  } else {
    const started = Date.now()
    const renditions = await encodeRungs(job, video, plan, plan.firstEncode, workDir, signal)
    for (const rendition of renditions) await addRendition(video, rendition, signal)
    log.info(`Video ${video.uuid} playable in ${Date.now() - started} ms (first rung encoded)`)
    await publishIfPlayable(video.uuid)
  }
  await job.progress(10)
}

/**
 * The fastest way to playable: a fast-start copy of a web-ready source becomes the first web video and HLS
 * rendition (no decoding: about a second for a minute of 1080p), and the video is published. Runs during the
 * upload request when possible, so the video has a file as soon as the upload is answered, as with PeerTube.
 * Returns the resolutions the copy stands in for only until they are encoded within the ladder's limits.
 */
export async function publishSourceCopy (options: {
  video: VideoModel
  inputPath: string
  source: ProbeResult
  plan: TranscodingPlan
  workDir?: string
  signal?: AbortSignal
}) {
  const { video, inputPath, source, plan } = options
  const started = Date.now()
  const workDir = options.workDir ?? transcodingWorkDir(video.uuid)
  await mkdir(workDir, { recursive: true })

  const copy = await fastStartRemux({ input: inputPath, output: join(workDir, `source-copy-${randomUUID()}.mp4`), probe: source, signal: options.signal })
  const temporaryResolutions: number[] = []
  if (plan.copiedRung) copy.resolution = plan.copiedRung.resolution
  else temporaryResolutions.push(copy.resolution)

  await addRendition(video, copy, options.signal)
  log.info(`Video ${video.uuid} playable in ${Date.now() - started} ms (source copy)`)
  await publishIfPlayable(video.uuid)
  return { temporaryResolutions }
}

/** Published as soon as something plays, unless the uploader asked to wait for the whole ladder. */
export async function publishIfPlayable (uuid: string) {
  await unitOfWork(async () => {
    const fresh = await loadVideo(uuid)
    if (fresh && fresh.state === VideoState.TO_TRANSCODE && !fresh.waitTranscoding && hasPlayableFile(fresh)) {
      fresh.state = VideoState.PUBLISHED
      await fresh.save()
      await recordVideoChanged(fresh)
    }
  })
}

async function encodeRungs (job: Job<VideoTranscodingPayload>, video: VideoModel, plan: TranscodingPlan, rungs: Rung[], workDir: string, signal: AbortSignal) {
  return encodeLadder({
    input: job.data.inputPath,
    rungs,
    outputs: rungs.map(rung => join(workDir, `${rung.resolution}-${randomUUID()}.mp4`)),
    threads: CONFIG.transcoding.threads,
    preset: CONFIG.transcoding.preset,
    profile: CONFIG.transcoding.profile,
    audioOnlyImage: plan.audioOnly ? previewPath(video) : undefined,
    signal
  })
}

/**
 * Adds one encoded (or copied) MP4 to the video in every enabled format: HLS remux first, then the web video.
 * Under the video's lock, with its privacy read afresh: a privacy change moves the files between folders.
 */
export async function addRendition (video: VideoModel, rendition: RenditionFile, signal?: AbortSignal) {
  // A bucket-stored video gets its files back first (HLS playlists are rebuilt from the renditions on disk).
  if (await hasFilesInObjectStorage(video.id)) await moveVideoToFileSystem(video.uuid, { signal })
  await withVideoLock(video.id, async () => {
    const current = await VideoModel.findByPk(video.id, { attributes: [ 'id', 'privacy' ] })
    if (!current) throw new Error(`Video ${video.uuid} was deleted`)
    video.privacy = current.privacy
    await addRenditionFiles(video, rendition, signal)
  })
}

async function addRenditionFiles (video: VideoModel, rendition: RenditionFile, signal?: AbortSignal) {
  if (CONFIG.transcoding.hls.enabled) {
    const playlist = await findOrCreateHlsPlaylist(video)
    const dir = hlsDir(video)
    await mkdir(dir, { recursive: true })
    const hls = await remuxToHls({ inputMp4: rendition.path, outputDir: dir, resolution: rendition.resolution, signal })
    try {
      const described = await describeRenditionFile(hls.videoPath, rendition.resolution)
      const { replaced } = await storeHlsFile(video, playlist, hls, described)
      await rewriteHlsPlaylistFiles(video, playlist)
      if (replaced) await removeLater(video.uuid, storedFilePaths(video, replaced, dir))
      await recheckHlsMirrors(playlist.id)
    } catch (err) {
      // Not recorded: these files would be orphans in the video's folder.
      await Promise.all([ rm(hls.videoPath, { force: true }), rm(hls.playlistPath, { force: true }) ])
      throw err
    }
  }

  if (CONFIG.transcoding.web_videos.enabled) {
    const { replaced } = await storeWebVideoFile(video, rendition)
    if (replaced) await removeLater(video.uuid, storedFilePaths(video, replaced), { videoUuid: video.uuid, filenames: [ replaced.filename ] })
  } else {
    await rm(rendition.path, { force: true })
  }
}

/**
 * Other instances' mirrors of the playlist copied the files it had before: each is read again, and stays listed
 * only if it has the new one too. Marked first, so a check reading the old list right now reads again.
 */
async function recheckHlsMirrors (playlistId: number) {
  for (const mirror of await VideoRedundancyModel.findAll({ where: { videoStreamingPlaylistId: playlistId } })) {
    mirror.changed('updatedAt', true)
    await mirror.save()
    await jobQueue.createJob('video-redundancy-check', { redundancyId: mirror.id }, { dedupKey: `video-redundancy-check:${mirror.id}` })
  }
}

/**
 * A replaced file (the stand-in copy of the source) may be playing in someone's browser right now: its bytes stay
 * on disk for a while, so that viewer keeps playing; new viewers get the new file's URL.
 */
async function removeLater (videoUuid: string, paths: string[], retiredWebVideos?: FilesRemovalPayload['retiredWebVideos']) {
  await removeFilesAfterCommit({ paths, retiredWebVideos, replacedOfVideo: videoUuid }, REPLACED_FILES_GRACE_MS)
}

/** After the last attempt failed: a video with no playable file is marked failed, with the reason for its owner. */
export async function markTranscodingFailed (job: Job<VideoTranscodingPayload>, err: Error) {
  const video = await loadVideo(job.data.videoUUID)
  if (!video) return
  video.stateReason = describeFailure(err).slice(0, 2000)
  if (!hasPlayableFile(video)) video.state = VideoState.TRANSCODING_FAILED
  await unitOfWork(async () => {
    await video.save()
    await notifyMyVideoTranscodingFailed(video, video.stateReason!)
  })
}

/** The reason shown to the video's owner: the disk being full is said so, not as ffmpeg's last line. */
function describeFailure (err: Error) {
  const text = `${err.message} ${(err as { stderrTail?: string }).stderrTail ?? ''}`
  if ((err as NodeJS.ErrnoException).code === 'ENOSPC' || /No space left on device|ENOSPC/i.test(text)) {
    return 'The server ran out of disk space while transcoding this video'
  }
  return err.message
}
