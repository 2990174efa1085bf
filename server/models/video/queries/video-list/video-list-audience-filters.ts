import type { VideoModerationFilters } from '../../../moderation/queries/video-moderation-filters.js'
import { notMutedSql } from '../../../moderation/queries/video-moderation-filters.js'
import type { VideoListCondition } from './video-list-filters.js'

// Conditions that depend on who lists and what the instance follows: followed-only public lists (trust), blocked
// videos and muted accounts (moderation), a user's subscriptions and history (library). Each is one predicate on
// "video", ANDed with the others by buildListConditions.

export interface VideoListAudienceFilters {
  /** Blocked videos and muted accounts/servers to leave out. */
  moderation?: VideoModerationFilters
  /** Only videos of channels this actor follows (a user's subscriptions feed). */
  subscribedByActorId?: number
  /** Leaves out videos in this user's history. */
  excludeWatchedByUserId?: number
  /**
   * Public lists: remote videos only when this actor (the server actor) follows, accepted, their channel, their
   * account or their instance, or follows an actor that shared them. Local videos are always listed.
   */
  followedByActorId?: number
}

function integer (value: number, what: string) {
  if (!Number.isInteger(value)) throw new Error(`${what} must be an integer`)
  return value
}

const notBlocked: VideoListCondition = filters => (filters.moderation?.excludeBlocked
  ? 'NOT EXISTS (SELECT 1 FROM "videoBlacklist" vb WHERE vb."videoId" = "video"."id")'
  : undefined)

const notMuted: VideoListCondition = filters => {
  const blockers = (filters.moderation?.mutedByAccountIds ?? []).map(Number).filter(Number.isInteger)
  return blockers.length === 0 ? undefined : notMutedSql('"video"."channelId"', blockers)
}

const subscribed: VideoListCondition = filters => filters.subscribedByActorId === undefined
  ? undefined
  : '"video"."channelId" IN (SELECT c."id" FROM "videoChannel" c JOIN "actorFollow" f ON f."targetActorId" = c."actorId" ' +
    `WHERE f."actorId" = ${integer(filters.subscribedByActorId, 'subscribedByActorId')} AND f."state" = 'accepted')`

const notWatched: VideoListCondition = filters => filters.excludeWatchedByUserId === undefined
  ? undefined
  : `"video"."id" NOT IN (SELECT h."videoId" FROM "userVideoHistory" h WHERE h."userId" = ${integer(filters.excludeWatchedByUserId, 'excludeWatchedByUserId')})`

// PeerTube's rule for public lists: local, or brought by a follow of the instance (channel, account, instance actor
// of its host, or an actor that announced it).
const followedOnly: VideoListCondition = (filters, params) => {
  if (filters.followedByActorId === undefined) return undefined
  const follower = params.add(integer(filters.followedByActorId, 'followedByActorId'))
  return '"video"."remote" = false OR "video"."channelId" IN (' +
    'SELECT vc."id" FROM "videoChannel" vc ' +
    'INNER JOIN "account" acc ON acc."id" = vc."accountId" ' +
    'INNER JOIN "actor" ca ON ca."id" = vc."actorId" ' +
    `INNER JOIN "actorFollow" f ON f."actorId" = ${follower} AND f."state" = 'accepted' ` +
    'INNER JOIN "actor" t ON t."id" = f."targetActorId" ' +
    'WHERE t."id" = vc."actorId" OR t."id" = acc."actorId" OR (t."type" = \'Application\' AND t."serverId" = ca."serverId")' +
    ') OR "video"."id" IN (' +
    'SELECT vs."videoId" FROM "videoShare" vs INNER JOIN "actorFollow" fs ON fs."targetActorId" = vs."actorId" ' +
    `AND fs."actorId" = ${follower} AND fs."state" = 'accepted')`
}

export const AUDIENCE_CONDITIONS: VideoListCondition[] = [ notBlocked, notMuted, subscribed, notWatched, followedOnly ]
