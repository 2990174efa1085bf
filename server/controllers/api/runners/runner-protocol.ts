import type { Request } from 'express'
import { RunnerJobState } from '../../../../shared/models/runners.js'
import { badRequest } from '../../../lib/http-problems/http-problem.js'
import { completeLiveJob, updateLiveJob } from '../../../lib/runners/live/live-runner-updates.js'
import { abortJob, acceptJob, errorJob, loadHeldJob, recordProgress } from '../../../lib/runners/runner-job-states.js'
import { listAvailableJobsFor } from '../../../lib/runners/runner-lists.js'
import { authenticateRunner, noteRunnerContact, registerRunner, unregisterRunner, updateRunnerProfiles } from '../../../lib/runners/runner-registration.js'
import { missingFile, receiveVodResult } from '../../../lib/runners/vod/vod-results.js'
import type { RunnerJobModel } from '../../../models/runner/runner-job.js'
import { runnerFile, runnerMultipart, SUCCESS_FILE_FIELDS, UPDATE_FILE_FIELDS } from '../../../middlewares/runner-uploads.js'
import {
  abortJobBody, errorJobBody, jobUuidParams, registerRunnerBody, requestJobBody, runnerTokenBody, successJobBody, updateJobBody
} from '../../../middlewares/validation/runners.js'
import { ApiRouter } from '../../shared/api-router.js'

/**
 * The routes runners call (PeerTube 6.3's protocol). They authenticate with their runner token in the body; calls
 * about a job also carry the job token handed out at accept, so only the runner holding a job can act on it.
 */
export const runnerProtocolRouter = new ApiRouter('/api/v1')

const tags = [ 'Runners' ]
const jobTags = [ 'Runner Jobs' ]

runnerProtocolRouter.post('/runners/register', {
  operationId: 'registerRunner', summary: 'Register a runner with a registration token', tags, auth: 'none', body: registerRunnerBody
}, async ({ body }, req, res) => {
  res.json(await registerRunner({ ...body, ip: req.ip }))
})

runnerProtocolRouter.post('/runners/unregister', {
  operationId: 'unregisterRunner', summary: 'Unregister a runner', tags, auth: 'none', body: runnerTokenBody
}, async ({ body }, _req, res) => {
  await unregisterRunner(await authenticateRunner(body.runnerToken, { allowDisabled: true }))
  res.sendStatus(204)
})

runnerProtocolRouter.post('/runners/jobs/request', {
  operationId: 'requestRunnerJob', summary: 'Pending jobs this runner may take', tags: jobTags, auth: 'none', body: requestJobBody
}, async ({ body }, req, res) => {
  const runner = await authenticateRunner(body.runnerToken)
  await updateRunnerProfiles(runner, body.encoderProfiles)
  await noteRunnerContact(runner, req.ip)
  const jobs = await listAvailableJobsFor(runner)
  res.json({ availableJobs: jobs.map(j => ({ uuid: j.uuid, type: j.type, payload: j.payload })) })
})

runnerProtocolRouter.post('/runners/jobs/:jobUUID/accept', {
  operationId: 'acceptRunnerJob', summary: 'Take a pending job', tags: jobTags, auth: 'none', params: jobUuidParams, body: runnerTokenBody
}, async ({ params, body }, req, res) => {
  const runner = await authenticateRunner(body.runnerToken)
  const { job, jobToken } = await acceptJob(runner, params.jobUUID)
  await noteRunnerContact(runner, req.ip)
  res.json({ job: { ...job.toFormattedJSON(), jobToken } })
})

runnerProtocolRouter.post('/runners/jobs/:jobUUID/abort', {
  operationId: 'abortRunnerJob', summary: 'Give a job up (it goes back to the queue)', tags: jobTags, auth: 'none', params: jobUuidParams, body: abortJobBody
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING ])
  await abortJob(job.uuid, `Aborted by runner ${job.Runner!.name}: ${body.reason}`)
  res.sendStatus(204)
})

runnerProtocolRouter.post('/runners/jobs/:jobUUID/error', {
  operationId: 'errorRunnerJob', summary: 'Report that a job failed', tags: jobTags, auth: 'none', params: jobUuidParams, body: errorJobBody
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING ])
  await errorJob(job.uuid, `Runner ${job.Runner!.name}: ${body.message}`)
  res.sendStatus(204)
})

runnerProtocolRouter.post('/runners/jobs/:jobUUID/update', {
  operationId: 'updateRunnerJob', summary: 'Report progress (and, for a live, a new or removed chunk)', tags: jobTags, auth: 'none',
  params: jobUuidParams, body: updateJobBody, bodyContentType: 'multipart/form-data',
  before: runnerMultipart(UPDATE_FILE_FIELDS)
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING, RunnerJobState.COMPLETING, RunnerJobState.COMPLETED ])
  // Late updates after a success (the runner's progress timer) change nothing.
  if (job.state !== RunnerJobState.PROCESSING) return res.sendStatus(204)

  if (job.type === 'live-rtmp-hls-transcoding') {
    if (!body.payload) throw badRequest('Payload is invalid: a live update names its chunk')
    await updateLiveJob(job, body.payload, {
      videoChunkFile: runnerFile(req, 'payload[videoChunkFile]'),
      resolutionPlaylistFile: runnerFile(req, 'payload[resolutionPlaylistFile]'),
      masterPlaylistFile: runnerFile(req, 'payload[masterPlaylistFile]')
    })
  } else if (body.payload) {
    throw badRequest('Payload is invalid: a VOD job takes progress only')
  }
  await recordProgress(job, body.progress)
  res.sendStatus(204)
})

runnerProtocolRouter.post('/runners/jobs/:jobUUID/success', {
  operationId: 'postRunnerJobSuccess', summary: 'Post the result of a job (checked before anything is published)', tags: jobTags, auth: 'none',
  params: jobUuidParams, body: successJobBody, bodyContentType: 'multipart/form-data',
  before: runnerMultipart(SUCCESS_FILE_FIELDS),
  responses: { 204: 'Result accepted', 422: 'The output failed verification: the job goes to another runner' }
}, async ({ params, body }, req, res) => {
  const job = await heldJob(req, params.jobUUID, body, [ RunnerJobState.PROCESSING ])
  if (job.type === 'live-rtmp-hls-transcoding') {
    await completeLiveJob(job)
    return res.sendStatus(204)
  }
  const video = runnerFile(req, 'payload[videoFile]')
  if (!video) throw missingFile('payload[videoFile]')
  await receiveVodResult({ job, runner: job.Runner!, video, playlist: runnerFile(req, 'payload[resolutionPlaylistFile]') })
  res.sendStatus(204)
})

/** The job this runner holds with this job token (401/403 for the runner, 404 for the job, 400 for its state). */
export async function heldJob (req: Request, uuid: string, body: { runnerToken: string, jobToken: string }, allowedStates: RunnerJobModel['state'][]) {
  const runner = await authenticateRunner(body.runnerToken)
  const job = await loadHeldJob({ uuid, runner, jobToken: body.jobToken, allowedStates })
  await noteRunnerContact(runner, req.ip)
  return job
}
