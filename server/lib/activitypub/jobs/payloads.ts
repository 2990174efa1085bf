/** Payloads of the federation jobs (names are PeerTube's job types). */

/** One signed activity for several inboxes; failed ones are handed to unicast jobs. */
export interface ActivitypubHttpBroadcastPayload {
  uris: string[]
  /** The activity with @context and LD signature, exactly as it will be sent. */
  body: Record<string, unknown>
  signatureActorId: number
}

/** One signed activity for one inbox, retried with federation.delivery backoff. */
export interface ActivitypubHttpUnicastPayload {
  uri: string
  body: Record<string, unknown>
  signatureActorId: number
}

/** Follow `name@host` (the remote server actor when name is absent) on behalf of a local actor. */
export interface ActivitypubFollowPayload {
  /** Defaults to the server actor. */
  followerActorId?: number
  name?: string
  host: string
  /** The actor's ActivityPub id, when known instead of its name (a subscription by URL). */
  url?: string
  /** Followed because it followed us (auto follow back). */
  isAutoFollow?: boolean
  /** Refuse when the target turns out not to be a channel (user subscriptions). */
  assertIsChannel?: boolean
}

/**
 * Crawl kinds of activitypub-http-fetcher: 'activity' walks an outbox and processes its activities,
 * 'video-comments' a remote video's comments collection (each comment read from its origin).
 */
export type CrawlType = 'activity' | 'video-comments'

export interface ActivitypubHttpFetcherPayload {
  uri: string
  type: CrawlType
}

export type RefreshType = 'actor' | 'video'

export interface ActivitypubRefresherPayload {
  type: RefreshType
  url: string
}
