import { z } from 'zod'
import { VideoPlaylistPrivacy, VideoPlaylistType, type VideoPlaylistPrivacyType } from '../../../shared/models/playlists.js'
import { VIDEO_PLAYLIST_CONSTRAINTS } from '../../initializers/constants/playlists.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { paginationQuery } from './fields.js'

// Playlist bodies come as JSON or multipart (with a thumbnailfile): numbers are coerced from strings once, here.

const formInt = (message: string) => z.preprocess(
  value => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value),
  z.number({ message }).int({ message })
)
const emptyAsNull = (value: unknown) => (value === '' ? null : value)

const { NAME, DESCRIPTION } = VIDEO_PLAYLIST_CONSTRAINTS

const displayName = z.string({ message: 'Should have a display name' }).trim()
  .min(NAME.min, `Should have a display name of ${NAME.min} to ${NAME.max} characters`)
  .max(NAME.max, `Should have a display name of ${NAME.min} to ${NAME.max} characters`)

const description = z.preprocess(emptyAsNull, z.string().trim()
  .min(DESCRIPTION.min, `Should have a description of ${DESCRIPTION.min} to ${DESCRIPTION.max} characters`)
  .max(DESCRIPTION.max, `Should have a description of ${DESCRIPTION.min} to ${DESCRIPTION.max} characters`)
  .nullable())

const privacyValues = Object.values(VideoPlaylistPrivacy) as number[]
const privacy = formInt('Should have a valid privacy (1 public, 2 unlisted, 3 private)')
  .refine(v => privacyValues.includes(v), 'Should have a valid privacy (1 public, 2 unlisted, 3 private)')
  .transform(v => v as VideoPlaylistPrivacyType)

const channelId = z.preprocess(emptyAsNull, formInt('Should have a valid videoChannelId').refine(v => v > 0, 'Should have a valid videoChannelId').nullable())

export const createPlaylistBody = z.object({
  displayName,
  description: description.optional(),
  privacy: privacy.default(VideoPlaylistPrivacy.PUBLIC),
  videoChannelId: channelId.optional()
})
export type CreatePlaylistBody = z.output<typeof createPlaylistBody>

export const updatePlaylistBody = z.object({
  displayName: displayName.optional(),
  description: description.optional(),
  privacy: privacy.optional(),
  videoChannelId: channelId.optional()
})
export type UpdatePlaylistBody = z.output<typeof updatePlaylistBody>

/** An id, a UUID or a short UUID, as for videos. */
export const playlistIdParams = z.object({
  playlistId: z.string().refine(v => /^\d+$/.test(v) || toFullUuid(v) !== undefined, 'Should have a valid playlist id (id, short UUID or UUID)')
})

export const playlistElementParams = playlistIdParams.extend({
  playlistElementId: z.coerce.number({ message: 'Should have a valid element id' }).int('Should have a valid element id').positive('Should have a valid element id')
})

const timestamp = (field: string) => z.number({ message: `Should have a ${field} in seconds` })
  .int(`Should have a ${field} in whole seconds`).min(0, `Should have a ${field} of 0 or more seconds`).nullable()

export const addElementBody = z.object({
  videoId: z.union([ z.number().int().positive(), z.string().min(1) ], { message: 'Should have a video id, UUID or short UUID' })
    .refine(v => typeof v === 'number' || /^\d+$/.test(v) || toFullUuid(v) !== undefined, 'Should have a valid video id (id, short UUID or UUID)'),
  startTimestamp: timestamp('startTimestamp').optional(),
  stopTimestamp: timestamp('stopTimestamp').optional()
})
export type AddElementBody = z.output<typeof addElementBody>

export const updateElementBody = z.object({
  startTimestamp: timestamp('startTimestamp').optional(),
  stopTimestamp: timestamp('stopTimestamp').optional()
})

export const reorderBody = z.object({
  startPosition: z.number({ message: 'Should have a startPosition' }).int().min(1, 'Should have a startPosition of 1 or more'),
  insertAfterPosition: z.number({ message: 'Should have an insertAfterPosition' }).int().min(0, 'Should have an insertAfterPosition of 0 or more'),
  reorderLength: z.number().int().min(1, 'Should have a reorderLength of 1 or more').optional()
})

const playlistType = formInt('Should have a valid playlistType (1 regular, 2 watch later)')
  .refine(v => Object.values(VideoPlaylistType).includes(v as 1 | 2), 'Should have a valid playlistType (1 regular, 2 watch later)')

export const listPlaylistsQuery = paginationQuery([ 'createdAt', 'updatedAt', 'displayName' ], '-updatedAt').extend({
  playlistType: playlistType.optional(),
  search: z.string().trim().max(250).optional()
})

export const searchPlaylistsQuery = paginationQuery([ 'createdAt', 'updatedAt', 'displayName', 'match' ], '-match').extend({
  search: z.string({ message: 'Should have a search' }).trim().min(1, 'Should have a search').max(250).optional()
})

export const playlistElementsQuery = paginationQuery([ 'position' ], 'position')
