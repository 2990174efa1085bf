import { VideoState } from '../../../../shared/models/videos.js'
import { RunnerJobState, VOD_RUNNER_JOB_TYPES, type RunnerJobType, type VodAudioMergePayload, type VodHlsPayload, type VodWebVideoPayload } from '../../../../shared/models/runners.js'
import type { ProbeResult } from '../../../helpers/ffmpeg/probe.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG, WEBSERVER } from '../../../initializers/config/index.js'
import { RUNNER_JOB_PRIORITY } from '../../../initializers/constants/runners.js'
import { RunnerJobModel } from '../../../models/runner/runner-job.js'
import type { VideoModel } from '../../../models/video/video.js'
import { removeFilesAfterCommit } from '../../job-queue/handlers/files-removal.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { notifyMyVideoTranscodingFailed } from '../../notifications/index.js'
import { finish, hasPlayableFile, loadVideo } from '../../transcoding/video-ladder.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { Rung, TranscodingPlan } from '../../video-pipeline/index.js'
import { createRunnerJob, registerRunnerJobKind, UNFINISHED_STATES } from '../runner-job-states.js'

const log = loggerWithTags('runners', 'transcoding')

/** What we keep about a VOD job to check and store its result (never shown to the runner). */
export interface VodPrivatePayload {
  videoUUID: string
  /** The kept upload the runner downloads, removed once the whole ladder is stored. */
  inputPath: string
  resolution: number
  fps: number
  maxBitrate: number
  audioOnly: boolean
  /** Source facts the output is checked against. */
  source: { durationSeconds: number, width: number, height: number, hasAudio: boolean }
  [key: string]: unknown
}

/** The file URLs runners download from (POST with their tokens), PeerTube's paths. */
export function runnerInputFileUrl (jobUUID: string, videoUUID: string) {
  return `${WEBSERVER.URL}/api/v1/runners/jobs/${jobUUID}/files/videos/${videoUUID}/max-quality`
}

export function runnerPreviewFileUrl (jobUUID: string, videoUUID: string) {
  return `${WEBSERVER.URL}/api/v1/runners/jobs/${jobUUID}/files/videos/${videoUUID}/previews/max-quality`
}

/**
 * The rungs still missing become runner jobs, one per rung, all in one unit of work. A web video job when web
 * videos are on (its MP4 also gives the HLS rendition by a local remux, as with local transcoding), an HLS job when
 * only HLS is on, an audio-merge job for an audio upload. When nothing plays yet, the cheapest rung runs first.
 * Rungs that already have an unfinished job are skipped, so running this twice creates nothing twice.
 */
export async function handOverLadderToRunners (options: {
  video: VideoModel
  inputPath: string
  source: ProbeResult
  plan: TranscodingPlan
  missing: Rung[]
  playable: boolean
}) {
  const { video, inputPath, source, plan, missing, playable } = options
  const first = playable ? undefined : (plan.firstEncode[0] ?? missing[missing.length - 1])

  const created = await unitOfWork(async () => {
    const existing = (await RunnerJobModel.listOfVideo(video.uuid)).filter(j => UNFINISHED_STATES.includes(j.state))
    const taken = new Set(existing.map(j => (j.privatePayload as VodPrivatePayload).resolution))
    let count = 0
    for (const rung of missing) {
      if (taken.has(rung.resolution)) continue
      await createVodRunnerJob({ video, inputPath, source, rung, audioOnly: plan.audioOnly, priority: rung === first ? RUNNER_JOB_PRIORITY.FIRST_RUNG : RUNNER_JOB_PRIORITY.LADDER })
      count++
    }
    return count
  })

  if (created !== 0) log.info(`Video ${video.uuid}: ${created} rung(s) handed to remote runners`)
  await finishVideoIfLadderDone(video.uuid, inputPath)
  return created
}

async function createVodRunnerJob (options: { video: VideoModel, inputPath: string, source: ProbeResult, rung: Rung, audioOnly: boolean, priority: number }) {
  const { video, rung, source } = options
  const profile = CONFIG.transcoding.profile
  const output = { resolution: rung.resolution, fps: rung.fps, profile }
  const privatePayload: VodPrivatePayload = {
    videoUUID: video.uuid,
    inputPath: options.inputPath,
    resolution: rung.resolution,
    fps: rung.fps,
    maxBitrate: rung.maxBitrate,
    audioOnly: options.audioOnly,
    source: {
      durationSeconds: source.durationSeconds,
      width: source.video?.displayWidth ?? 0,
      height: source.video?.displayHeight ?? 0,
      hasAudio: !!source.audio
    }
  }

  const type: RunnerJobType = options.audioOnly
    ? 'vod-audio-merge-transcoding'
    : (CONFIG.transcoding.web_videos.enabled ? 'vod-web-video-transcoding' : 'vod-hls-transcoding')

  return createRunnerJob({
    type,
    buildPayload: uuid => {
      if (type === 'vod-audio-merge-transcoding') {
        return { input: { audioFileUrl: runnerInputFileUrl(uuid, video.uuid), previewFileUrl: runnerPreviewFileUrl(uuid, video.uuid) }, output } satisfies VodAudioMergePayload
      }
      const input = { videoFileUrl: runnerInputFileUrl(uuid, video.uuid), separatedAudioFileUrl: [] }
      if (type === 'vod-hls-transcoding') return { input, output: { ...output, separatedAudio: false } } satisfies VodHlsPayload
      return { input, output } satisfies VodWebVideoPayload
    },
    privatePayload,
    priority: options.priority,
    videoUUID: video.uuid,
    requiredProfile: profile
  })
}

/**
 * Once no job of the video is unfinished: published with what was stored, followers told, the kept upload removed;
 * or, when nothing plays at all, failed with the reason its owner sees.
 */
export async function finishVideoIfLadderDone (videoUUID: string, inputPath?: string) {
  const jobs = await RunnerJobModel.listOfVideo(videoUUID)
  if (jobs.some(j => UNFINISHED_STATES.includes(j.state))) return false

  const video = await loadVideo(videoUUID)
  if (!video) return false
  const path = inputPath ?? (jobs[0]?.privatePayload as VodPrivatePayload | undefined)?.inputPath

  if (!hasPlayableFile(video)) {
    const errored = jobs.find(j => j.state === RunnerJobState.ERRORED)
    await unitOfWork(async () => {
      video.state = VideoState.TRANSCODING_FAILED
      video.stateReason = (errored?.error ?? 'Transcoding was cancelled').slice(0, 2000)
      await video.save()
      await notifyMyVideoTranscodingFailed(video, video.stateReason)
    })
    return true
  }

  await unitOfWork(async () => {
    await finish(videoUUID, path)
    if (path) await removeFilesAfterCommit({ paths: [ path ] })
  })
  return true
}

/** Results of one video are stored one after the other: the last one to land sees the whole ladder and finishes it. */
export function runnerVideoOrderKey (videoUUID: string) {
  return `runner-video:${videoUUID}`
}

/** After a job of the video ended (stored, errored, cancelled): a job stores its result and checks the ladder. */
export async function recordRunnerJobEnded (job: RunnerJobModel) {
  await jobQueue.createJob('runner-job-ended', { jobUUID: job.uuid }, job.videoUUID ? { orderKey: runnerVideoOrderKey(job.videoUUID) } : {})
}

registerRunnerJobKind(VOD_RUNNER_JOB_TYPES, {
  abortSupported: true,
  onErrored: recordRunnerJobEnded,
  onCancelled: recordRunnerJobEnded
})
