/** Behaviour constants of comments and ratings (PeerTube's limits, so texts valid here are valid there). */

export const VIDEO_COMMENT_CONSTRAINTS = {
  /** Characters of Markdown. */
  TEXT: { min: 1, max: 10_000 },
  URL_MAX: 2000
} as const

/** Sorts of the thread list (`-totalReplies`: most answered first) and of the moderators' and owners' lists. */
export const COMMENT_THREAD_SORTS = [ 'createdAt', 'totalReplies' ] as const
export const COMMENT_LIST_SORTS = [ 'createdAt' ] as const
export const ACCOUNT_RATING_SORTS = [ 'createdAt' ] as const

export const REMOTE_COMMENTS = {
  /** Ancestors fetched to attach a remote reply to its thread (PeerTube stops at 100 as well). */
  MAX_THREAD_DEPTH: 100,
  /** Remote comments whose copy is older than this are read again from their origin when their video is refreshed. */
  REFRESH_AFTER_MS: 24 * 60 * 60 * 1000,
  /** Pages of a remote video's comments collection crawled at each refresh. */
  MAX_CRAWLED_COMMENTS: 500
} as const

/** Mentions found in a comment (`@name` or `@name@host`) that become Mention tags. */
export const MAX_MENTIONS_PER_COMMENT = 20
