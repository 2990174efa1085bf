import { UserRight } from '../../../../shared/models/users.js'
import { cancelJob, deleteJob } from '../../../lib/runners/runner-job-states.js'
import { listRegistrationTokens, listRunnerJobs, listRunners } from '../../../lib/runners/runner-lists.js'
import { createRegistrationToken, deleteRegistrationToken, deleteRunner, updateRunnerSettings } from '../../../lib/runners/runner-registration.js'
import {
  jobUuidParams, registrationTokenIdParams, registrationTokensListQuery, runnerIdParams, runnerJobsListQuery, runnersListQuery, updateRunnerBody
} from '../../../middlewares/validation/runners.js'
import { ApiRouter } from '../../shared/api-router.js'

/** The administrator's side of remote runners: registration tokens, runners, and their jobs. */
export const runnersAdminRouter = new ApiRouter('/api/v1')

const admin = { auth: 'required', right: UserRight.MANAGE_RUNNERS } as const

runnersAdminRouter.post('/runners/registration-tokens/generate', {
  operationId: 'generateRegistrationToken', summary: 'Generate a runner registration token', tags: [ 'Runner Registration Token' ], ...admin
}, async (_ctx, _req, res) => {
  await createRegistrationToken()
  res.sendStatus(204)
})

runnersAdminRouter.get('/runners/registration-tokens', {
  operationId: 'getRegistrationTokens', summary: 'List runner registration tokens', tags: [ 'Runner Registration Token' ], ...admin,
  query: registrationTokensListQuery
}, async ({ query }, _req, res) => {
  res.json(await listRegistrationTokens(query))
})

runnersAdminRouter.delete('/runners/registration-tokens/:registrationTokenId', {
  operationId: 'removeRegistrationToken', summary: 'Remove a registration token and the runners registered with it', tags: [ 'Runner Registration Token' ], ...admin,
  params: registrationTokenIdParams
}, async ({ params }, _req, res) => {
  await deleteRegistrationToken(params.registrationTokenId)
  res.sendStatus(204)
})

runnersAdminRouter.get('/runners', {
  operationId: 'getRunners', summary: 'List runners, with their last contact and jobs', tags: [ 'Runners' ], ...admin,
  query: runnersListQuery
}, async ({ query }, _req, res) => {
  res.json(await listRunners(query))
})

// Registered before /runners/:runnerId: "jobs" is not a runner id.
runnersAdminRouter.get('/runners/jobs', {
  operationId: 'getRunnerJobs', summary: 'List runner jobs', tags: [ 'Runner Jobs' ], ...admin,
  query: runnerJobsListQuery
}, async ({ query }, _req, res) => {
  res.json(await listRunnerJobs(query))
})

runnersAdminRouter.delete('/runners/:runnerId', {
  operationId: 'deleteRunner', summary: 'Delete a runner (the jobs it holds go back to the queue)', tags: [ 'Runners' ], ...admin,
  params: runnerIdParams
}, async ({ params }, _req, res) => {
  await deleteRunner(params.runnerId)
  res.sendStatus(204)
})

runnersAdminRouter.put('/runners/:runnerId', {
  operationId: 'updateRunner', summary: 'Trust a runner (no spot check of its outputs), or disable and enable it', tags: [ 'Runners' ], ...admin,
  params: runnerIdParams,
  body: updateRunnerBody
}, async ({ params, body }, _req, res) => {
  await updateRunnerSettings(params.runnerId, body)
  res.sendStatus(204)
})

for (const method of [ 'post', 'get' ] as const) {
  // PeerTube's server takes POST; its OpenAPI document says GET: both work.
  runnersAdminRouter[method]('/runners/jobs/:jobUUID/cancel', {
    operationId: method === 'post' ? 'cancelRunnerJob' : 'cancelRunnerJobGet', summary: 'Cancel a runner job (and its children)', tags: [ 'Runner Jobs' ], ...admin,
    params: jobUuidParams
  }, async ({ params }, _req, res) => {
    await cancelJob(params.jobUUID)
    res.sendStatus(204)
  })
}

runnersAdminRouter.delete('/runners/jobs/:jobUUID', {
  operationId: 'deleteRunnerJob', summary: 'Cancel a runner job if needed, then remove it', tags: [ 'Runner Jobs' ], ...admin,
  params: jobUuidParams
}, async ({ params }, _req, res) => {
  await deleteJob(params.jobUUID)
  res.sendStatus(204)
})
