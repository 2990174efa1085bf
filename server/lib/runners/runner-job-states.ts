import { randomUUID } from 'node:crypto'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { RUNNER_JOBS } from '../../initializers/constants/runners.js'
import { RunnerJobModel } from '../../models/runner/runner-job.js'
import { RunnerModel } from '../../models/runner/runner.js'
import { RunnerJobState, type RunnerJobPayload, type RunnerJobStateType, type RunnerJobType } from '../../../shared/models/runners.js'
import { badRequest, conflict, notFound } from '../http-problems/http-problem.js'
import { afterCommit, unitOfWork } from '../unit-of-work/unit-of-work.js'
import { runnerNotifier } from './runner-socket.js'
import { generateJobToken, hashToken } from './runner-tokens.js'
import { RUNNER_PROBLEM } from './runner-problems.js'

const log = loggerWithTags('runners')

/**
 * What a kind of job (VOD rung, live) does when its job ends badly. Called inside the unit of work of the change.
 * `abortSupported: false` (lives): an abort or a stall errors the job instead of queueing it again, as PeerTube.
 */
export interface RunnerJobKind {
  abortSupported: boolean
  onErrored: (job: RunnerJobModel, message: string) => Promise<void>
  onCancelled: (job: RunnerJobModel) => Promise<void>
}

const kinds = new Map<RunnerJobType, RunnerJobKind>()

export function registerRunnerJobKind (types: readonly RunnerJobType[], kind: RunnerJobKind) {
  for (const type of types) kinds.set(type, kind)
}

function kindOf (job: RunnerJobModel) {
  const kind = kinds.get(job.type)
  if (!kind) throw new Error(`No handler for runner jobs of type ${job.type}`)
  return kind
}

export const UNFINISHED_STATES: RunnerJobStateType[] = [
  RunnerJobState.PENDING, RunnerJobState.PROCESSING, RunnerJobState.WAITING_FOR_PARENT_JOB, RunnerJobState.COMPLETING
]
const CANCELLABLE_STATES: RunnerJobStateType[] = [ RunnerJobState.PENDING, RunnerJobState.PROCESSING, RunnerJobState.WAITING_FOR_PARENT_JOB ]

/** Creates a job in the current unit of work; runners are told once it commits. */
export async function createRunnerJob<P extends RunnerJobPayload> (options: {
  type: RunnerJobType
  buildPayload: (jobUUID: string) => P
  privatePayload: Record<string, unknown>
  priority: number
  videoUUID: string | null
  requiredProfile?: string | null
  dependsOn?: RunnerJobModel
}) {
  const uuid = randomUUID()
  const job = await RunnerJobModel.create({
    uuid,
    type: options.type,
    payload: options.buildPayload(uuid),
    privatePayload: options.privatePayload,
    state: options.dependsOn ? RunnerJobState.WAITING_FOR_PARENT_JOB : RunnerJobState.PENDING,
    priority: options.priority,
    videoUUID: options.videoUUID,
    requiredProfile: options.requiredProfile && options.requiredProfile !== 'default' ? options.requiredProfile : null,
    dependsOnRunnerJobId: options.dependsOn?.id ?? null,
    runnerId: null
  })
  if (job.state === RunnerJobState.PENDING) afterCommit(() => runnerNotifier.notifyAvailableJobs())
  return job
}

/** The runner takes the job: it gets the job token that every later call about the job must carry. */
export async function acceptJob (runner: RunnerModel, uuid: string) {
  return unitOfWork(async () => {
    const job = await RunnerJobModel.loadForUpdate(uuid)
    if (!job) throw notFound('Unknown runner job')
    if (job.state !== RunnerJobState.PENDING) {
      throw conflict('This job is not in pending state anymore', RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PENDING_STATE)
    }
    if (job.refusedRunnerIds.includes(runner.id)) {
      throw conflict('This runner\'s output for this job was refused: another runner will do it', RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PENDING_STATE)
    }
    const jobToken = generateJobToken()
    job.state = RunnerJobState.PROCESSING
    job.processingJobTokenHash = hashToken(jobToken)
    job.startedAt = new Date()
    job.progress = 0
    job.runnerId = runner.id
    await job.save()
    job.Runner = runner
    log.info(`Runner ${runner.name} accepted job ${job.uuid} (${job.type})`)
    return { job, jobToken }
  })
}

/** The job the runner holds with this token, in one of the allowed states (PeerTube's answers otherwise). */
export async function loadHeldJob (options: { uuid: string, runner: RunnerModel, jobToken: string, allowedStates: RunnerJobStateType[] }) {
  const job = await RunnerJobModel.findOne({ where: { uuid: options.uuid, runnerId: options.runner.id, processingJobTokenHash: hashToken(options.jobToken) } })
  if (!job) {
    // Either the job does not exist, or this runner does not hold it (any more): it may not act on it.
    throw notFound('Unknown runner job')
  }
  if (!options.allowedStates.includes(job.state)) {
    throw badRequest('Job is not in "processing" state', RUNNER_PROBLEM.RUNNER_JOB_NOT_IN_PROCESSING_STATE)
  }
  job.Runner = options.runner
  return job
}

/** Progress, and proof the runner is alive (the watchdog reads updatedAt). */
export async function recordProgress (job: RunnerJobModel, progress: number | undefined) {
  await unitOfWork(async () => {
    await RunnerJobModel.update(
      { progress: progress ?? job.progress, updatedAt: new Date() },
      { where: { id: job.id, state: RunnerJobState.PROCESSING }, silent: true }
    )
  })
}

/** The runner gives the job up (it is stopping): back to the queue without counting a failure. */
export async function abortJob (uuid: string, reason: string) {
  await putBackInQueue(uuid, reason)
}

/**
 * A job whose runner went away (stalled, aborted, removed): queued again for another runner. Jobs whose kind cannot
 * resume (lives) are errored instead.
 */
export async function putBackInQueue (uuid: string, reason: string) {
  await unitOfWork(async () => {
    const job = await RunnerJobModel.loadForUpdate(uuid)
    if (!job || job.state !== RunnerJobState.PROCESSING) return
    if (!kindOf(job).abortSupported) return failJob(job, reason, { countFailure: false })
    log.info(`Runner job ${job.uuid} (${job.type}) goes back to the queue: ${reason}`)
    job.resetToPending()
    await job.save()
    afterCommit(() => runnerNotifier.notifyAvailableJobs())
  })
}

/** The runner reports it could not do the job. */
export async function errorJob (uuid: string, message: string) {
  await unitOfWork(async () => {
    const job = await RunnerJobModel.loadForUpdate(uuid)
    if (!job || job.state !== RunnerJobState.PROCESSING) return
    await failJob(job, message, { countFailure: true })
  })
}

/**
 * One more failure: the job is queued again until it has failed RUNNER_JOBS.MAX_FAILURES times, then errored for good
 * (its children with it) and its kind told. Runs in the caller's unit of work, with the job row locked.
 */
export async function failJob (job: RunnerJobModel, message: string, options: { countFailure: boolean, refusedRunnerId?: number }) {
  if (options.countFailure) job.failures += 1
  if (options.refusedRunnerId !== undefined && !job.refusedRunnerIds.includes(options.refusedRunnerId)) {
    job.refusedRunnerIds = [ ...job.refusedRunnerIds, options.refusedRunnerId ]
  }
  const retry = kindOf(job).abortSupported && job.failures < RUNNER_JOBS.MAX_FAILURES
  if (retry) {
    log.info(`Runner job ${job.uuid} failed (${job.failures}/${RUNNER_JOBS.MAX_FAILURES}), queued again: ${message}`)
    job.resetToPending()
    job.error = message.slice(0, 5000)
    await job.save()
    afterCommit(() => runnerNotifier.notifyAvailableJobs())
    return
  }
  log.warn(`Runner job ${job.uuid} (${job.type}) errored: ${message}`)
  job.finishWith(RunnerJobState.ERRORED, message)
  await job.save()
  await kindOf(job).onErrored(job, message)
  for (const child of await RunnerJobModel.listChildrenOf(job.id)) {
    child.finishWith(RunnerJobState.PARENT_ERRORED, 'Parent error')
    await child.save()
  }
}

/** An administrator cancels a job (and its children). */
export async function cancelJob (uuid: string) {
  await unitOfWork(async () => {
    const job = await RunnerJobModel.loadForUpdate(uuid)
    if (!job) throw notFound('Unknown runner job')
    if (!CANCELLABLE_STATES.includes(job.state)) {
      throw badRequest('Cannot cancel this job that is not in "pending", "processing" or "waiting for parent job" state', RUNNER_PROBLEM.RUNNER_JOB_NOT_CANCELLABLE)
    }
    await cancelLocked(job, RunnerJobState.CANCELLED)
  })
}

async function cancelLocked (job: RunnerJobModel, state: typeof RunnerJobState.CANCELLED | typeof RunnerJobState.PARENT_CANCELLED) {
  job.finishWith(state)
  await job.save()
  for (const child of await RunnerJobModel.listChildrenOf(job.id)) {
    if (CANCELLABLE_STATES.includes(child.state)) await cancelLocked(child, RunnerJobState.PARENT_CANCELLED)
  }
  await kindOf(job).onCancelled(job)
}

/** Cancels it when it is still running, then removes it (children go with it). */
export async function deleteJob (uuid: string) {
  await unitOfWork(async () => {
    const job = await RunnerJobModel.loadForUpdate(uuid)
    if (!job) throw notFound('Unknown runner job')
    if (CANCELLABLE_STATES.includes(job.state)) await cancelLocked(job, RunnerJobState.CANCELLED)
    await job.destroy()
  })
}

/** Children waiting for this job may start (in the caller's unit of work). */
export async function releaseChildren (job: RunnerJobModel) {
  const [ count ] = await RunnerJobModel.update(
    { state: RunnerJobState.PENDING },
    { where: { dependsOnRunnerJobId: job.id, state: RunnerJobState.WAITING_FOR_PARENT_JOB } }
  )
  if (count !== 0) afterCommit(() => runnerNotifier.notifyAvailableJobs())
}

/** Jobs whose runner has not been heard of for too long (2 min VOD, 30 s live by default) go back to the queue. */
export async function requeueStalledJobs () {
  const now = Date.now()
  const stalled = [
    ...await RunnerJobModel.listStalled([ 'vod-web-video-transcoding', 'vod-hls-transcoding', 'vod-audio-merge-transcoding' ], new Date(now - CONFIG.remote_runners.stalled_jobs.vod)),
    ...await RunnerJobModel.listStalled([ 'live-rtmp-hls-transcoding' ], new Date(now - CONFIG.remote_runners.stalled_jobs.live))
  ]
  for (const job of stalled) await putBackInQueue(job.uuid, 'Stalled runner job: no contact from its runner')
  return stalled.length
}
