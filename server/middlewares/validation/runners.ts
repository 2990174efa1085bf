import { z } from 'zod'
import { RUNNER_FIELDS } from '../../initializers/constants/runners.js'
import { RunnerJobState } from '../../../shared/models/runners.js'
import { paginationQuery, positiveIntId, queryArray, queryBoolean } from './fields.js'

// Schemas of the runner API (PeerTube's field names). Multipart bodies carry text: numbers coerce from strings.

const token = z.string({ message: 'Should be a token' }).min(RUNNER_FIELDS.TOKEN.min, 'Should be a token').max(RUNNER_FIELDS.TOKEN.max)
const profiles = z.array(z.string().min(1).max(50)).max(20)

export const runnerTokenBody = z.object({ runnerToken: token })
export const heldJobBody = z.object({ runnerToken: token, jobToken: token })

export const registerRunnerBody = z.object({
  registrationToken: token,
  name: z.string({ message: 'Should have a name' }).trim().min(RUNNER_FIELDS.NAME.min, 'Should have a name').max(RUNNER_FIELDS.NAME.max),
  description: z.string().max(RUNNER_FIELDS.DESCRIPTION.max).nullish(),
  // Ours: the encoder profiles the runner can use (PeerTube's runner sends none: it encodes with 'default').
  encoderProfiles: profiles.optional()
})

export const requestJobBody = runnerTokenBody.extend({ encoderProfiles: profiles.optional() })

export const abortJobBody = heldJobBody.extend({ reason: z.string({ message: 'Should have a reason' }).min(RUNNER_FIELDS.REASON.min).max(RUNNER_FIELDS.REASON.max) })
export const errorJobBody = heldJobBody.extend({ message: z.string({ message: 'Should have a message' }).min(RUNNER_FIELDS.REASON.min).max(RUNNER_FIELDS.REASON.max) })

const safeFilename = (extension: string) => z.string().regex(new RegExp(`^[a-zA-Z0-9_.-]{1,100}\\.${extension}$`), `Should be a safe .${extension} file name`)

export const updateJobBody = heldJobBody.extend({
  progress: z.coerce.number({ message: 'Should be a percentage' }).int().min(0).max(100).optional(),
  payload: z.object({
    type: z.enum([ 'add-chunk', 'remove-chunk' ]),
    videoChunkFilename: safeFilename('ts'),
    resolutionPlaylistFilename: safeFilename('m3u8').optional()
  }).optional()
})

export const successJobBody = heldJobBody.extend({ payload: z.record(z.string(), z.unknown()).optional() })

export const jobUuidParams = z.object({ jobUUID: z.uuid({ message: 'Should be a UUID' }) })
export const jobFileParams = jobUuidParams.extend({ videoId: z.string().min(1).max(100) })
export const runnerIdParams = z.object({ runnerId: positiveIntId })
export const registrationTokenIdParams = z.object({ registrationTokenId: positiveIntId })

export const runnersListQuery = paginationQuery([ 'createdAt', 'lastContact' ], 'createdAt')
export const registrationTokensListQuery = paginationQuery([ 'createdAt' ], 'createdAt')
export const runnerJobsListQuery = paginationQuery([ 'updatedAt', 'createdAt', 'priority', 'state', 'progress' ], '-updatedAt').extend({
  search: z.string().max(250).optional(),
  stateOneOf: queryArray(z.coerce.number().int().refine(v => Object.values(RunnerJobState).includes(v as never), 'Should be a runner job state'), 10).optional()
})

export const updateRunnerBody = z.object({
  trusted: z.union([ z.boolean(), queryBoolean ]).optional(),
  enabled: z.union([ z.boolean(), queryBoolean ]).optional()
}).refine(b => b.trusted !== undefined || b.enabled !== undefined, { message: 'Should change trusted or enabled', path: [ 'trusted' ] })
