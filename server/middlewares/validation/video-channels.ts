import { z } from 'zod'
import { VIDEO_CHANNEL_FIELD_LENGTHS } from '../../lib/video-channels/channel-constraints.js'
import { channelNameField } from './users.js'

const { displayName, description, support } = VIDEO_CHANNEL_FIELD_LENGTHS

/** An empty text field clears the value, as PeerTube's client sends '' for "none". */
const clearableText = (label: string, limits: { min: number, max: number }) => z.preprocess(
  value => (value === '' ? null : value),
  z.string({ message: `Should have a valid ${label}` })
    .min(limits.min, `Should have a ${label} of ${limits.min} to ${limits.max} characters`)
    .max(limits.max, `Should have a ${label} of ${limits.min} to ${limits.max} characters`)
    .nullable()
)

const displayNameField = z.string({ message: 'Should have a display name' })
  .trim()
  .min(displayName.min, `Should have a display name of ${displayName.min} to ${displayName.max} characters`)
  .max(displayName.max, `Should have a display name of ${displayName.min} to ${displayName.max} characters`)

export const channelHandleParams = z.object({
  channelHandle: z.string({ message: 'Should have a channel handle' }).min(1, 'Should have a channel handle')
})

export const createChannelBody = z.object({
  name: channelNameField,
  displayName: displayNameField,
  description: clearableText('description', description).optional(),
  support: clearableText('support text', support).optional()
})

export const updateChannelBody = z.object({
  displayName: displayNameField.optional(),
  description: clearableText('description', description).optional(),
  support: clearableText('support text', support).optional(),
  // Accepted for compatibility: copying the support text to the channel's videos belongs to the videos' code.
  bulkVideosSupportUpdate: z.boolean().optional()
})
