import { z } from 'zod'
import { ABUSE_FILTERS, ABUSE_PREDEFINED_REASON_NAMES, AbuseState, VideoBlockType } from '../../../shared/models/client-moderation.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { isValidRemoteHost } from '../../lib/activitypub/actors/webfinger-client.js'
import { ABUSE_CONSTRAINTS, VIDEO_BLOCK_CONSTRAINTS } from '../../initializers/constants/moderation.js'
import { paginationQuery, positiveIntId, queryArray } from './fields.js'

// Request schemas of the moderation routes: reports, blocklists, video blocks. Limits are PeerTube's.

/** A text with at least `min` characters once trimmed: a reason of spaces is no reason. */
const moderationText = (what: string, limits: { min: number, max: number }) => z.string({ message: `Should have a ${what}` })
  .max(limits.max, `Should have a ${what} of ${limits.min} to ${limits.max} characters`)
  .refine(value => value.trim().length >= limits.min, `Should have a ${what} of ${limits.min} to ${limits.max} characters`)

const abuseStateField = z.coerce.number({ message: 'Should have a valid state (1 pending, 2 rejected, 3 accepted)' })
  .int()
  .refine(value => Object.values(AbuseState).includes(value as never), 'Should have a valid state (1 pending, 2 rejected, 3 accepted)')
  .transform(value => value as typeof AbuseState[keyof typeof AbuseState])

const seconds = (field: string) => z.number({ message: `Should have ${field} in whole seconds` }).int(`Should have ${field} in whole seconds`)
  .min(0, `Should have ${field} in whole seconds`)

const videoIdField = z.union([ z.number().int().positive(), z.string() ], { message: 'Should have a valid video id (id, short UUID or UUID)' })
  .transform(String)
  .refine(value => /^\d+$/.test(value) || toFullUuid(value) !== undefined, 'Should have a valid video id (id, short UUID or UUID)')

export const reportAbuseBody = z.object({
  reason: moderationText('reason', ABUSE_CONSTRAINTS.REASON),
  predefinedReasons: z.array(z.enum(ABUSE_PREDEFINED_REASON_NAMES, { message: `Should have predefined reasons among: ${ABUSE_PREDEFINED_REASON_NAMES.join(', ')}` }))
    .max(ABUSE_CONSTRAINTS.PREDEFINED_REASONS.max)
    .optional(),
  video: z.object({ id: videoIdField, startAt: seconds('startAt').optional(), endAt: seconds('endAt').optional() }, { message: 'Should have a video with its id' }).optional(),
  comment: z.object({ id: positiveIntId }, { message: 'Should have a comment with its id' }).optional(),
  account: z.object({ id: positiveIntId }, { message: 'Should have an account with its id' }).optional()
}).superRefine((body, ctx) => {
  const given = (Object.keys(body) as (keyof typeof body)[]).filter(key => [ 'video', 'comment', 'account' ].includes(key) && body[key] !== undefined)
  if (given.length === 0) ctx.addIssue({ code: 'custom', path: [ 'video' ], message: 'Should have a video, a comment or an account to report' })
  if (given.length > 1) ctx.addIssue({ code: 'custom', path: [ given[1] ], message: 'Should report one video, comment or account at a time' })
})

export const abuseIdParams = z.object({ abuseId: positiveIntId })
export const abuseMessageParams = z.object({ abuseId: positiveIntId, abuseMessageId: positiveIntId })

export const updateAbuseBody = z.object({
  state: abuseStateField.optional(),
  moderationComment: moderationText('moderation comment', ABUSE_CONSTRAINTS.MODERATION_COMMENT).optional()
})

export const abuseMessageBody = z.object({ message: moderationText('message', ABUSE_CONSTRAINTS.MESSAGE) })

const abusesSort = paginationQuery([ 'id', 'createdAt', 'state' ], '-id')

export const listMyAbusesQuery = abusesSort.extend({
  id: positiveIntId.optional(),
  state: abuseStateField.optional()
})

export const listAbusesQuery = listMyAbusesQuery.extend({
  predefinedReason: z.enum(ABUSE_PREDEFINED_REASON_NAMES, { message: 'Should have a valid predefined reason' }).optional(),
  search: z.string().max(250).optional(),
  searchReporter: z.string().max(250).optional(),
  searchReportee: z.string().max(250).optional(),
  searchVideo: z.string().max(250).optional(),
  searchVideoChannel: z.string().max(250).optional(),
  videoIs: z.enum([ 'deleted', 'blacklisted' ], { message: 'Should have videoIs deleted or blacklisted' }).optional(),
  filter: z.enum(ABUSE_FILTERS, { message: `Should have a filter among: ${ABUSE_FILTERS.join(', ')}` }).optional()
})

const accountHandle = z.string({ message: 'Should have an account handle (name or name@host)' }).trim()
  .min(1, 'Should have an account handle (name or name@host)')
  .max(300)
  .transform(value => value.replace(/^@/, ''))

const hostField = z.string({ message: 'Should have a valid host' }).trim().toLowerCase()
  .refine(isValidRemoteHost, 'Should have a valid host (domain or domain:port)')

export const blockAccountBody = z.object({ accountName: accountHandle })
export const accountNameParams = z.object({ accountName: accountHandle })
export const blockServerBody = z.object({ host: hostField })
export const hostParams = z.object({ host: hostField })

export const blocklistQuery = paginationQuery([ 'createdAt' ], '-createdAt').extend({ search: z.string().max(250).optional() })

export const blockStatusQuery = z.object({
  accounts: queryArray(accountHandle, 100).optional(),
  hosts: queryArray(hostField, 100).optional()
})

export const blockVideoBody = z.object({
  reason: moderationText('reason', VIDEO_BLOCK_CONSTRAINTS.REASON).optional(),
  unfederate: z.boolean({ message: 'Should have a boolean unfederate' }).optional()
})

export const updateVideoBlockBody = z.object({ reason: moderationText('reason', VIDEO_BLOCK_CONSTRAINTS.REASON).optional() })

export const listVideoBlocksQuery = paginationQuery([ 'id', 'name', 'duration', 'views', 'likes', 'dislikes', 'uuid', 'createdAt' ], '-id').extend({
  type: z.coerce.number().int()
    .refine(value => Object.values(VideoBlockType).includes(value as never), 'Should have a valid type (1 manual, 2 automatic)')
    .transform(value => value as typeof VideoBlockType[keyof typeof VideoBlockType])
    .optional(),
  search: z.string().max(250).optional()
})
