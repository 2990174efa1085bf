import { z } from 'zod'
import { UserRight } from '../../../shared/models/users.js'
import { jobQueue } from '../../lib/job-queue/job-queue.js'
import { JOB_STATES, type JobType } from '../../lib/job-queue/job-types.js'
import { JOB_DEFINITIONS } from '../../lib/job-queue/handlers/index.js'
import { paginationQuery } from '../../middlewares/validation/fields.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { ApiRouter } from '../shared/api-router.js'

export const jobsRouter = new ApiRouter('/api/v1')

const jobTypes = Object.keys(JOB_DEFINITIONS) as [JobType, ...JobType[]]

const listQuery = paginationQuery([ 'createdAt' ], '-createdAt').extend({
  jobType: z.enum(jobTypes, { message: `Should have a job type among: ${jobTypes.join(', ')}` }).optional()
})

async function listJobs (state: typeof JOB_STATES[number] | undefined, query: z.output<typeof listQuery>) {
  return jobQueue.listForApi({
    state,
    types: query.jobType ? [ query.jobType ] : undefined,
    start: query.start,
    count: query.count,
    asc: query.sort === 'createdAt'
  })
}

jobsRouter.get('/jobs', {
  operationId: 'getJobsAll',
  summary: 'List jobs in every state',
  tags: [ 'Job' ],
  auth: 'required',
  right: UserRight.MANAGE_JOBS,
  query: listQuery
}, async ({ query }, _req, res) => {
  res.json(await listJobs(undefined, query))
})

jobsRouter.get('/jobs/:state', {
  operationId: 'getJobs',
  summary: 'List jobs in one state',
  tags: [ 'Job' ],
  auth: 'required',
  right: UserRight.MANAGE_JOBS,
  params: z.object({ state: z.enum(JOB_STATES, { message: `Should have a job state among: ${JOB_STATES.join(', ')}` }) }),
  query: listQuery
}, async ({ params, query }, _req, res) => {
  res.json(await listJobs(params.state, query))
})

jobsRouter.post('/jobs/:jobType/:id/retry', {
  operationId: 'retryJob',
  summary: 'Run a failed job again',
  tags: [ 'Job' ],
  auth: 'required',
  right: UserRight.MANAGE_JOBS,
  params: z.object({
    jobType: z.enum(jobTypes, { message: `Should have a job type among: ${jobTypes.join(', ')}` }),
    id: z.string().min(1).max(200)
  }),
  responses: { 204: 'Queued again', 404: 'No failed job with this id' }
}, async ({ params }, _req, res) => {
  if (!await jobQueue.retry(params.jobType, params.id)) throw notFound('No failed job with this id')
  res.sendStatus(204)
})

jobsRouter.post('/jobs/pause', {
  operationId: 'pauseJobQueue',
  summary: 'Stop processing jobs (running ones finish)',
  tags: [ 'Job' ],
  auth: 'required',
  right: UserRight.MANAGE_JOBS
}, async (_ctx, _req, res) => {
  await jobQueue.pause()
  res.sendStatus(204)
})

jobsRouter.post('/jobs/resume', {
  operationId: 'resumeJobQueue',
  summary: 'Resume processing jobs',
  tags: [ 'Job' ],
  auth: 'required',
  right: UserRight.MANAGE_JOBS
}, async (_ctx, _req, res) => {
  await jobQueue.resume()
  res.sendStatus(204)
})
