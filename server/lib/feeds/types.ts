// What the feed builders take, in the domain's terms. The HTTP layer's schemas (middlewares/validation/feeds.ts)
// produce values of these types; tsc checks it where a controller passes one in.

/** `.xml` is RSS unless `?format=atom` asks otherwise; the other suffixes name their format. */
export const FEED_FORMATS = [ 'xml', 'rss', 'rss2', 'atom', 'atom1', 'json', 'json1' ] as const
export type FeedFormat = typeof FEED_FORMATS[number]

/** Whose videos (or comments on whose videos) a feed lists: by id or by handle (`name` or `name@host`). */
export interface FeedOwnerInput {
  accountId?: number
  accountName?: string
  videoChannelId?: number
  videoChannelName?: string
  format?: 'rss' | 'rss2' | 'atom' | 'atom1'
}

export interface VideoFeedInput extends FeedOwnerInput {
  sort: string
  nsfw?: 'true' | 'false' | 'both'
  isLocal?: boolean
  include?: number
  privacyOneOf?: number[]
  hasHLSFiles?: boolean
  hasWebVideoFiles?: boolean
}

export interface CommentFeedInput extends FeedOwnerInput {
  videoId?: string
}
