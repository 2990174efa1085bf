import { z } from 'zod'
import { positiveIntId, queryArray, queryBoolean } from './fields.js'
import { VIDEO_SORTABLE_COLUMNS } from './videos.js'
import { FEED_FORMATS, type FeedFormat } from '../../lib/feeds/types.js'

// Query strings of the syndication feeds (/feeds/...), as PeerTube names them.

export { FEED_FORMATS, type FeedFormat }

export const feedFormatParams = z.object({
  format: z.enum(FEED_FORMATS, { message: `Should have a feed format among: ${FEED_FORMATS.join(', ')}` })
})

const handle = (what: string) => z.string({ message: `Should have a valid ${what} name` })
  .min(1, `Should have a valid ${what} name`)
  .max(300, `Should have a valid ${what} name`)

/** Whose videos (or comments on whose videos) a feed lists: by id or by handle (`name` or `name@host`). */
const ownerFilters = {
  accountId: positiveIntId.optional(),
  accountName: handle('account').optional(),
  videoChannelId: positiveIntId.optional(),
  videoChannelName: handle('channel').optional(),
  format: z.enum([ 'rss', 'rss2', 'atom', 'atom1' ], { message: 'Should have a format among rss, rss2, atom, atom1' }).optional()
}

const sortValues = VIDEO_SORTABLE_COLUMNS.flatMap(c => [ c, `-${c}` ]) as [ string, ...string[] ]

const videoListFilters = {
  sort: z.enum(sortValues, { message: `Should have a sort among: ${sortValues.join(', ')}` }).default('-publishedAt'),
  nsfw: z.enum([ 'true', 'false', 'both' ], { message: 'Should have a valid nsfw filter (true, false or both)' }).optional(),
  isLocal: queryBoolean.optional(),
  // PeerTube's feeds accept these list filters too; a feed is public, so only public videos are ever listed.
  include: z.coerce.number().int().min(0).max(255).optional(),
  privacyOneOf: queryArray(z.coerce.number().int()).optional(),
  hasHLSFiles: queryBoolean.optional(),
  hasWebVideoFiles: queryBoolean.optional()
}

export const videoFeedQuery = z.object({ ...ownerFilters, ...videoListFilters })
export type VideoFeedQuery = z.output<typeof videoFeedQuery>

export const commentFeedQuery = z.object({
  ...ownerFilters,
  videoId: z.string({ message: 'Should have a valid video id' }).min(1).max(100).optional()
}).refine(
  q => !(q.videoId && (q.videoChannelId || q.videoChannelName || q.accountId || q.accountName)),
  { message: 'Should not mix a video filter with an account or channel filter', path: [ 'videoId' ] }
)
export type CommentFeedQuery = z.output<typeof commentFeedQuery>

export const subscriptionFeedQuery = z.object({
  ...videoListFilters,
  format: ownerFilters.format,
  accountId: positiveIntId,
  token: z.string({ message: 'Should have a feed token' }).uuid('Should have a valid feed token')
})

export const podcastFeedQuery = z.object({
  videoChannelId: positiveIntId
})
