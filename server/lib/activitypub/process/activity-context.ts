import type { ActorModel } from '../../../models/actor/actor.js'
import type { Activity } from '../activity-types.js'

/** What a processor gets: the activity and who is proven to have sent it. */
export interface ActivityContext {
  activity: Activity
  /**
   * The activity's actor, authenticated: it signed the request (HTTP signature), or the body (LD signature)
   * for a forwarded activity, or it was read from that actor's own outbox.
   */
  byActor: ActorModel
  /** The local actor whose inbox received it; undefined for the shared inbox and outbox crawls. */
  inboxActor?: ActorModel
  /** True when read from a remote outbox (crawl) rather than delivered. */
  fromOutbox?: boolean
}

/** 'ignored': understood, but not handled here (logged at warn level and counted as such). */
export type ActivityOutcome = 'processed' | 'ignored'

export type ActivityProcessor = (context: ActivityContext) => Promise<ActivityOutcome | void>
