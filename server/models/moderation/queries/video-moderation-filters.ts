import { literal, type WhereOptions } from 'sequelize'

/**
 * What moderation takes out of video lists (home, search, channels, accounts): blocked videos, and videos of
 * accounts and servers muted by the viewer or by the instance. Kept apart from the list query builder so it
 * joins any version of it: each condition is one SQL predicate on "Video".
 */
export interface VideoModerationFilters {
  /** Leave out blocked videos (everyone but moderators asking for them). */
  excludeBlocked: boolean
  /** Leave out videos whose account, or whose account's server, one of these accounts muted. */
  mutedByAccountIds: number[]
}

export function videoModerationConditions (filters: VideoModerationFilters | undefined): WhereOptions[] {
  if (!filters) return []
  const conditions: WhereOptions[] = []

  if (filters.excludeBlocked) conditions.push(literal('NOT EXISTS (SELECT 1 FROM "videoBlacklist" vb WHERE vb."videoId" = "Video"."id")'))

  const blockers = filters.mutedByAccountIds.map(Number).filter(Number.isInteger)
  if (blockers.length !== 0) conditions.push(literal(notMutedSql('"Video"."channelId"', blockers)))

  return conditions
}

/** True for rows whose channel (`channelIdColumn`) belongs to no account or server muted by `blockers`. */
export function notMutedSql (channelIdColumn: string, blockers: number[]) {
  const ids = blockers.join(', ')
  return 'NOT EXISTS (SELECT 1 FROM "videoChannel" mvc JOIN account mva ON mva.id = mvc."accountId" JOIN actor mvac ON mvac.id = mva."actorId" ' +
    `WHERE mvc.id = ${channelIdColumn} AND (` +
    `mva.id IN (SELECT "targetAccountId" FROM "accountBlocklist" WHERE "accountId" IN (${ids})) ` +
    `OR mvac."serverId" IN (SELECT "targetServerId" FROM "serverBlocklist" WHERE "accountId" IN (${ids}))))`
}
