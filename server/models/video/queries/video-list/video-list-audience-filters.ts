import type { VideoModerationFilters } from '../../../moderation/queries/video-moderation-filters.js'
import { FOLLOWED_CHANNELS_TABLE } from '../../../actor/queries/followed-channels-sql.js'
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

/**
 * The same rule as notMutedSql (the channel's account muted, or that account's server), written as the set of
 * muted channels, which PostgreSQL builds once per query through the blocklists' indexes (usually empty, so at
 * once) and tests per video as a hash lookup; the correlated form cost a scan of every account per query at 1 M.
 */
const notMuted: VideoListCondition = filters => {
  const blockers = (filters.moderation?.mutedByAccountIds ?? []).map(Number).filter(Number.isInteger)
  if (blockers.length === 0) return undefined
  const ids = blockers.join(', ')
  return '"video"."channelId" NOT IN (' +
    `SELECT mvc."id" FROM "accountBlocklist" ab JOIN "videoChannel" mvc ON mvc."accountId" = ab."targetAccountId" WHERE ab."accountId" IN (${ids}) ` +
    'UNION ' +
    'SELECT mvc."id" FROM "serverBlocklist" sb JOIN "actor" mvac ON mvac."serverId" = sb."targetServerId" ' +
    `JOIN "account" mva ON mva."actorId" = mvac."id" JOIN "videoChannel" mvc ON mvc."accountId" = mva."id" WHERE sb."accountId" IN (${ids}))`
}

const subscribed: VideoListCondition = filters => filters.subscribedByActorId === undefined
  ? undefined
  : '"video"."channelId" IN (SELECT c."id" FROM "videoChannel" c JOIN "actorFollow" f ON f."targetActorId" = c."actorId" ' +
    `WHERE f."actorId" = ${integer(filters.subscribedByActorId, 'subscribedByActorId')} AND f."state" = 'accepted')`

const notWatched: VideoListCondition = filters => filters.excludeWatchedByUserId === undefined
  ? undefined
  : `"video"."id" NOT IN (SELECT h."videoId" FROM "userVideoHistory" h WHERE h."userId" = ${integer(filters.excludeWatchedByUserId, 'excludeWatchedByUserId')})`

// PeerTube's rule for public lists: local, or brought by a follow of the instance (channel, account, instance actor
// of its host, or an actor that announced it). The channels the follows reach are kept in "followedChannel"
// (models/actor/queries/followed-channels-sql.ts): hashed once per query from the follower's index range, where
// deriving them from the follows here cost 5 to 250 ms per query at 3,000 channels. Announces are tested per
// video, and only for remote videos of channels not followed: every remote video has shares (its channel's and its
// instance's announces), so a hashed set of shares would be as large as the catalogue; OFFSET 0 keeps PostgreSQL
// from turning the EXISTS into one.
const followedOnly: VideoListCondition = (filters, params) => {
  if (filters.followedByActorId === undefined) return undefined
  const follower = params.add(integer(filters.followedByActorId, 'followedByActorId'))
  return '"video"."remote" = false ' +
    `OR "video"."channelId" IN (SELECT fc."channelId" FROM "${FOLLOWED_CHANNELS_TABLE}" fc WHERE fc."actorId" = ${follower}) ` +
    'OR EXISTS (SELECT 1 FROM "videoShare" vs JOIN "actorFollow" fs ON fs."targetActorId" = vs."actorId" ' +
    `WHERE vs."videoId" = "video"."id" AND fs."actorId" = ${follower} AND fs."state" = 'accepted' OFFSET 0)`
}

export const AUDIENCE_CONDITIONS: VideoListCondition[] = [ notBlocked, notMuted, subscribed, notWatched, followedOnly ]
