import { z } from 'zod'
import { NSFW_POLICIES } from '../../../shared/models/users.js'
import type { VideoPrivacyType } from '../../../shared/models/videos.js'
import {
  SUPPORTED_PRIVACIES, VIDEO_CATEGORIES, VIDEO_CONSTRAINTS, VIDEO_LANGUAGES, VIDEO_LICENCES
} from '../../initializers/constants/videos.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { paginationQuery, positiveIntId, queryArray, queryBoolean } from './fields.js'

// Multipart and form bodies carry strings: numbers and booleans are coerced here, once, for every video route.

const formBoolean = z.preprocess(
  value => (value === 'true' || value === '1' || value === true ? true : value === 'false' || value === '0' || value === false ? false : value),
  z.boolean({ message: 'Should be a boolean' })
)

const formInt = (message: string) => z.coerce.number({ message }).int({ message })

export const videoName = z.string({ message: 'Should have a video name' })
  .trim()
  .min(VIDEO_CONSTRAINTS.NAME.min, `Should have a video name between ${VIDEO_CONSTRAINTS.NAME.min} and ${VIDEO_CONSTRAINTS.NAME.max} characters`)
  .max(VIDEO_CONSTRAINTS.NAME.max, `Should have a video name between ${VIDEO_CONSTRAINTS.NAME.min} and ${VIDEO_CONSTRAINTS.NAME.max} characters`)

const privacy = formInt('Should have a valid privacy')
  .refine(v => (SUPPORTED_PRIVACIES as readonly number[]).includes(v), 'Should have a valid privacy (1 public, 2 unlisted, 3 private, 4 internal)')
  .transform(v => v as VideoPrivacyType)

const category = formInt('Should have a valid category').refine(v => v in VIDEO_CATEGORIES, 'Should have a valid category')
const licence = formInt('Should have a valid licence').refine(v => v in VIDEO_LICENCES, 'Should have a valid licence')
const language = z.string().refine(v => v in VIDEO_LANGUAGES, 'Should have a valid language')

const description = z.string().max(VIDEO_CONSTRAINTS.DESCRIPTION.max, `Should have a description of at most ${VIDEO_CONSTRAINTS.DESCRIPTION.max} characters`)
const support = z.string().max(VIDEO_CONSTRAINTS.SUPPORT.max, `Should have a support text of at most ${VIDEO_CONSTRAINTS.SUPPORT.max} characters`)

const tagsMessage = `Should have an array of up to ${VIDEO_CONSTRAINTS.TAGS.max} tags between ${VIDEO_CONSTRAINTS.TAG.min} and ${VIDEO_CONSTRAINTS.TAG.max} characters each`
const tags = z.preprocess(
  value => (typeof value === 'string' ? [ value ] : value),
  z.array(z.string().trim().min(VIDEO_CONSTRAINTS.TAG.min, tagsMessage).max(VIDEO_CONSTRAINTS.TAG.max, tagsMessage), { message: tagsMessage })
    .max(VIDEO_CONSTRAINTS.TAGS.max, tagsMessage)
)

const dateString = z.string().refine(v => !Number.isNaN(Date.parse(v)), 'Should have a valid date').transform(v => new Date(v))

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
  downloadEnabled: formBoolean.optional(),
  waitTranscoding: formBoolean.optional(),
  originallyPublishedAt: dateString.nullable().optional()
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

/** Resumable upload: the metadata POST also names the file. */
export const resumableUploadInitBody = videoUploadBody.extend({
  filename: z.string({ message: 'Should have a filename' }).min(1, 'Should have a filename').max(255)
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
  skipCount: queryBoolean.optional()
}

export const videosListQuery = paginationQuery(VIDEO_SORTABLE_COLUMNS, '-publishedAt').extend(videoFilters)
export type VideosListQuery = z.output<typeof videosListQuery>

export const videosSearchQuery = paginationQuery([ ...VIDEO_SORTABLE_COLUMNS, 'match' ], '-match').extend({
  ...videoFilters,
  search: z.string({ message: 'Should have a search' }).trim().min(1, 'Should have a search').max(250).optional()
})

export const nsfwPolicySchema = z.enum(NSFW_POLICIES)
export { positiveIntId }
