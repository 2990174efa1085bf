/** Behaviour constants of federation (what we serve, follow, fetch and refresh). Wire constants are in activitypub.ts. */

/** Items per page of our ActivityPub collections (outbox, followers, following), as PeerTube. */
export const COLLECTION_ITEMS_PER_PAGE = 10

/** PeerTube's follow score: every follow starts at BASE; the REST API shows it. */
export const ACTOR_FOLLOW_SCORE = {
  BASE: 50,
  BONUS: 10,
  PENALTY: -10,
  MAX: 10_000
} as const

export const FOLLOW_STATES = [ 'pending', 'accepted', 'rejected' ] as const
export type FollowState = typeof FOLLOW_STATES[number]

export const REMOTE_ACTORS = {
  /** A remote actor fetched longer ago than this is refreshed (in the background) when next used. */
  REFRESH_AFTER_MS: 24 * 60 * 60 * 1000,
  /** How deep owner lookups go (a channel's account) when storing a remote actor. */
  MAX_OWNER_DEPTH: 1,
  MAX_NAME_LENGTH: 120,
  MAX_DESCRIPTION_LENGTH: 1000,
  MAX_SUPPORT_LENGTH: 1000
} as const

export const INBOX = {
  /** Raw body limit of an incoming activity (a Video with many files and captions stays far below). */
  MAX_BODY_BYTES: 2 * 1024 * 1024,
  /** Activities processed at once, after their 204. */
  PROCESSING_CONCURRENCY: 4,
  /** Activities per Collection posted to an inbox. */
  MAX_ACTIVITIES_PER_COLLECTION: 100,
  /** A Video object with its files, tags and context is ~8 levels deep and a few thousand values. */
  BODY_SHAPE: { maxDepth: 48, maxNodes: 200_000, maxKeyLength: 500 }
} as const

export const DELIVERY = {
  /** Inboxes per activitypub-http-broadcast job. */
  INBOXES_PER_BROADCAST_JOB: 100,
  /** Broadcast jobs running at once; each delivers to its inboxes `federation.delivery.concurrency` at a time. */
  BROADCAST_JOB_CONCURRENCY: 2
} as const

export const OUTBOX_CRAWL = {
  /** Limits of one activitypub-http-fetcher run (collections other than outboxes). */
  MAX_PAGES: 50,
  MAX_ITEMS: 2000,
  /** Outbox syncs read page by page (one job each): a whole catalogue, within these bounds. */
  MAX_ITEMS_PER_PAGE: 100,
  MAX_OUTBOX_PAGES: 10_000
} as const

/** The identifiers a remote object may claim that another origin holds here (recorded for admins). */
export const IDENTITY_CONFLICT_KINDS = [ 'video-uuid', 'actor-handle', 'host-origin' ] as const
