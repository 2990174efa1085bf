import { QueryTypes } from 'sequelize'
import { AccountModel } from '../../account/account.js'

/**
 * What moderation takes out of video lists (home, search, channels, accounts): blocked videos, and videos of
 * accounts and servers muted by the viewer or by the instance. Kept apart from the list query builder so it
 * joins any version of it (video-list/video-list-audience-filters.ts turns them into predicates).
 */
export interface VideoModerationFilters {
  /** Leave out blocked videos (everyone but moderators asking for them). */
  excludeBlocked: boolean
  /** Leave out videos whose account, or whose account's server, one of these accounts muted. */
  mutedByAccountIds: number[]
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

/** Which of `accountIds` are muted by `blockers` (the account itself, or its server): for lists built in code. */
export async function listMutedAccountIds (accountIds: number[], blockers: number[]) {
  const ids = [ ...new Set(accountIds.map(Number).filter(Number.isInteger)) ]
  if (ids.length === 0 || blockers.length === 0) return new Set<number>()
  const rows = await AccountModel.sequelize!.query<{ id: number }>(
    `SELECT a.id FROM account a WHERE a.id IN (:ids) AND NOT ${notMutedAccountSql('a.id', blockers)}`,
    { replacements: { ids }, type: QueryTypes.SELECT }
  )
  return new Set(rows.map(row => row.id))
}
