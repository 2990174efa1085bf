import { extname } from 'node:path'
import { z } from 'zod'
import { NSFW_POLICIES } from '../../../shared/models/users.js'
import { VideoPrivacy, type VideoPrivacyType } from '../../../shared/models/videos.js'
import type { VideoCommentPolicyType } from '../../../shared/models/video-comments.js'
import {
  SUPPORTED_PRIVACIES, VIDEO_CATEGORIES, VIDEO_CONSTRAINTS, VIDEO_LANGUAGES, VIDEO_LICENCES
} from '../../initializers/constants/videos.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { paginationQuery, positiveIntId, queryArray, queryBoolean } from './fields.js'

// Multipart and form bodies carry strings: numbers and booleans are coerced here, once, for every video route.

export const formBoolean = z.preprocess(
  value => (value === 'true' || value === '1' || value === true ? true : value === 'false' || value === '0' || value === false ? false : value),
  z.boolean({ message: 'Should be a boolean' })
)

export const formInt = (message: string) => z.coerce.number({ message }).int({ message })

export const videoName = z.string({ message: 'Should have a video name' })
  .trim()
  .min(VIDEO_CONSTRAINTS.NAME.min, `Should have a video name between ${VIDEO_CONSTRAINTS.NAME.min} and ${VIDEO_CONSTRAINTS.NAME.max} characters`)
  .max(VIDEO_CONSTRAINTS.NAME.max, `Should have a video name between ${VIDEO_CONSTRAINTS.NAME.min} and ${VIDEO_CONSTRAINTS.NAME.max} characters`)

export const privacy = formInt('Should have a valid privacy')
  .refine(v => (SUPPORTED_PRIVACIES as readonly number[]).includes(v), 'Should have a valid privacy (1 public, 2 unlisted, 3 private, 4 internal)')
  .transform(v => v as VideoPrivacyType)

// Own keys only: `in` would also accept what every object inherits ('toString', 'constructor'...).
const category = formInt('Should have a valid category').refine(v => Object.hasOwn(VIDEO_CATEGORIES, v), 'Should have a valid category')
const licence = formInt('Should have a valid licence').refine(v => Object.hasOwn(VIDEO_LICENCES, v), 'Should have a valid licence')
const language = z.string().refine(v => Object.hasOwn(VIDEO_LANGUAGES, v), 'Should have a valid language')

const description = z.string().max(VIDEO_CONSTRAINTS.DESCRIPTION.max, `Should have a description of at most ${VIDEO_CONSTRAINTS.DESCRIPTION.max} characters`)
const support = z.string().max(VIDEO_CONSTRAINTS.SUPPORT.max, `Should have a support text of at most ${VIDEO_CONSTRAINTS.SUPPORT.max} characters`)

const tagsMessage = `Should have an array of up to ${VIDEO_CONSTRAINTS.TAGS.max} tags between ${VIDEO_CONSTRAINTS.TAG.min} and ${VIDEO_CONSTRAINTS.TAG.max} characters each`
const tags = z.preprocess(
  value => (typeof value === 'string' ? [ value ] : value),
  z.array(z.string().trim().min(VIDEO_CONSTRAINTS.TAG.min, tagsMessage).max(VIDEO_CONSTRAINTS.TAG.max, tagsMessage), { message: tagsMessage })
    .max(VIDEO_CONSTRAINTS.TAGS.max, tagsMessage)
)

const ISO_8601_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An ISO 8601 date (or date and time) with a year from 1 to 9999. `Date.parse` alone accepts far more (signed
 * six-digit years, "March 3 2019", February 30th rolled over to March): dates the database or clients choke on.
 */
export function isIso8601Date (value: string) {
  const match = ISO_8601_DATE.exec(value)
  if (!match) return false
  const [ year, month, day, hours, minutes, seconds ] = match.slice(1).map(v => Number(v ?? 0))
  if (year < 1 || month < 1 || month > 12 || hours > 23 || minutes > 59 || seconds > 59) return false
  // Day 30 of February rolls over to March: a real date reads back the same day.
  const calendar = new Date(Date.UTC(2000, month - 1, day))
  calendar.setUTCFullYear(year)
  if (calendar.getUTCDate() !== day) return false
  return !Number.isNaN(Date.parse(value))
}

const dateString = z.string()
  .refine(isIso8601Date, 'Should have a valid ISO 8601 date (year 1 to 9999)')
  .transform(v => new Date(v))

/** The privacies a scheduled update may switch a video to, as PeerTube allows. */
export const SCHEDULABLE_PRIVACIES = [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.INTERNAL ] as readonly number[]

/** PeerTube's scheduled publication: at `updateAt`, the video takes `privacy` (usually from private to public). */
const scheduleUpdate = z.object({
  updateAt: dateString,
  privacy: formInt('Should have a valid scheduled privacy')
    .refine(v => SCHEDULABLE_PRIVACIES.includes(v), 'Should have a scheduled privacy among public (1), unlisted (2) and internal (4)')
    .transform(v => v as VideoPrivacyType)
    .nullable()
    .optional()
}, { message: 'Should have a scheduleUpdate object with an updateAt date' })

/** Metadata that can be given at upload and changed later. */
const editableFields = {
  privacy: privacy.optional(),
  category: category.nullable().optional(),
  licence: licence.nullable().optional(),
  language: language.nullable().optional(),
  description: description.nullable().optional(),
  support: support.nullable().optional(),
  tags: tags.optional(),
  nsfw: formBoolean.optional(),
  commentsEnabled: formBoolean.optional(),
  commentsPolicy: formInt('Should have a valid commentsPolicy')
    .refine(v => v === 1 || v === 2 || v === 3, 'Should have a valid commentsPolicy (1 enabled, 2 disabled, 3 requires approval)')
    .transform(v => v as VideoCommentPolicyType)
    .optional(),
  downloadEnabled: formBoolean.optional(),
  waitTranscoding: formBoolean.optional(),
  originallyPublishedAt: dateString.nullable().optional(),
  // null removes the schedule (on update).
  scheduleUpdate: scheduleUpdate.nullable().optional()
}

export const videoUploadBody = z.object({
  name: videoName,
  channelId: formInt('Should have a valid channelId').refine(v => v > 0, 'Should have a valid channelId'),
  ...editableFields
})
export type VideoUploadFields = z.output<typeof videoUploadBody>

export const videoUpdateBody = z.object({
  name: videoName.optional(),
  channelId: formInt('Should have a valid channelId').optional(),
  ...editableFields
})
export type VideoUpdateFields = z.output<typeof videoUpdateBody>

/** Extensions we keep on the stored source file; anything else is dropped (the file is probed, not trusted by name). */
const KEPT_EXTENSION = /^\.[a-z0-9]{1,8}$/i

/**
 * The uploaded file's name as the rest of the upload uses it: its extension names the stored source file, so an
 * extension that could not be part of a file name (too long, spaces, separators) is removed.
 */
export function withSafeExtension (filename: string) {
  const extension = extname(filename)
  return extension === '' || KEPT_EXTENSION.test(extension) ? filename : filename.slice(0, -extension.length)
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

const uploadFilename = z.string({ message: 'Should have a filename' })
  .min(1, 'Should have a filename')
  .max(255, 'Should have a filename of at most 255 characters')
  .refine(v => !CONTROL_CHARACTERS.test(v), 'Should have a filename without control characters')
  .transform(withSafeExtension)

/** Resumable upload: the metadata POST also names the file. */
export const resumableUploadInitBody = videoUploadBody.extend({
  filename: uploadFilename
})

export const videoIdParams = z.object({
  id: z.string().refine(
    v => /^\d+$/.test(v) || toFullUuid(v) !== undefined,
    'Should have a valid video id (id, short UUID or UUID)'
  )
})

export const VIDEO_SORTABLE_COLUMNS = [
  'name', 'duration', 'createdAt', 'publishedAt', 'originallyPublishedAt', 'views', 'likes', 'trending', 'hot', 'best'
] as const

const videoFilters = {
  categoryOneOf: queryArray(z.coerce.number().int()).optional(),
  licenceOneOf: queryArray(z.coerce.number().int()).optional(),
  languageOneOf: queryArray(z.string()).optional(),
  tagsOneOf: queryArray(z.string()).optional(),
  tagsAllOf: queryArray(z.string()).optional(),
  nsfw: z.enum([ 'true', 'false', 'both' ], { message: 'Should have a valid nsfw filter (true, false or both)' }).optional(),
  isLocal: queryBoolean.optional(),
  privacyOneOf: queryArray(z.coerce.number().int()).optional(),
  skipCount: queryBoolean.optional(),
  /** PeerTube's VideoInclude bits; moderation answers 2 (blocked videos) and 4 (videos of muted accounts). */
  include: z.coerce.number({ message: 'Should have a valid include (PeerTube\'s VideoInclude flags)' }).int().min(0).max(255).optional()
}

export const videosListQuery = paginationQuery(VIDEO_SORTABLE_COLUMNS, '-publishedAt').extend(videoFilters)
export type VideosListQuery = z.output<typeof videosListQuery>

export const videosSearchQuery = paginationQuery([ ...VIDEO_SORTABLE_COLUMNS, 'match' ], '-match').extend({
  ...videoFilters,
  search: z.string({ message: 'Should have a search' }).trim().min(1, 'Should have a search').max(250).optional()
})

export const nsfwPolicySchema = z.enum(NSFW_POLICIES)
export { positiveIntId }
