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
  return `NOT EXISTS (SELECT 1 FROM "videoChannel" mvc WHERE mvc.id = ${channelIdColumn} AND NOT ${notMutedAccountSql('mvc."accountId"', blockers)})`
}

/**
 * True for rows whose account (`accountIdColumn`) is not muted by `blockers`, nor on a server they muted. For
 * anything authored by an account: comments and notifications use it too.
 */
export function notMutedAccountSql (accountIdColumn: string, blockers: number[]) {
  const ids = blockers.map(Number).filter(Number.isInteger).join(', ')
  if (ids === '') return 'TRUE'
  return 'NOT EXISTS (SELECT 1 FROM account mva JOIN actor mvac ON mvac.id = mva."actorId" ' +
    `WHERE mva.id = ${accountIdColumn} AND (` +
    `mva.id IN (SELECT "targetAccountId" FROM "accountBlocklist" WHERE "accountId" IN (${ids})) ` +
    `OR mvac."serverId" IN (SELECT "targetServerId" FROM "serverBlocklist" WHERE "accountId" IN (${ids}))))`
}
