import { Op, QueryTypes, type Includeable } from 'sequelize'
import { ABUSE_PREDEFINED_REASONS, type AbuseFilter, type AbusePredefinedReason, type AbuseStateId } from '../../../../shared/models/client-moderation.js'
import { containsPattern } from '../../../helpers/sql-like.js'
import { AccountModel } from '../../account/account.js'
import { summaryIncludes } from '../../video/queries/video-includes.js'
import { VideoCommentModel } from '../../video/video-comment.js'
import { VideoModel } from '../../video/video.js'
import { AbuseMessageModel } from '../abuse-message.js'
import { AbuseModel } from '../abuse.js'
import type { AbuseWithVideo } from '../moderation-loaded.js'

export interface AbuseListFilters {
  start: number
  count: number
  /** id, createdAt or state, `-` first for descending. */
  sort: string
  id?: number
  state?: AbuseStateId
  /** Only the reports of this account (a user's own list). */
  reporterAccountId?: number
  filter?: AbuseFilter
  predefinedReason?: AbusePredefinedReason
  /** Matches the reason, the video's name and both accounts' names. */
  search?: string
  searchReporter?: string
  searchReportee?: string
  searchVideo?: string
  searchVideoChannel?: string
  videoIs?: 'deleted' | 'blacklisted'
}

/**
 * What a report is shown with: both accounts, the video as it is now (with its channel, thumbnails, block), and
 * whether the reported comment still stands.
 */
export function abuseIncludes (): Includeable[] {
  return [
    { model: AccountModel, as: 'ReporterAccount', required: false, include: [ AccountModel.withActor() ] },
    { model: AccountModel, as: 'FlaggedAccount', required: false, include: [ AccountModel.withActor() ] },
    { model: VideoModel, required: false, include: summaryIncludes() },
    { model: VideoCommentModel, required: false, attributes: [ 'id', 'deletedAt' ] }
  ]
}

const SORT_COLUMNS: Record<string, string> = { id: 'a.id', createdAt: 'a."createdAt"', state: 'a.state' }

const ACCOUNT_NAME_MATCH = (alias: string) =>
  `EXISTS (SELECT 1 FROM account acc JOIN actor act ON act.id = acc."actorId" WHERE acc.id = a."${alias}" ` +
  'AND (acc.name ILIKE :PATTERN OR act."preferredUsername" ILIKE :PATTERN))'

/**
 * One page of reports with the figures moderators triage by: how many reports the reporter made, how many the
 * flagged account received, how many the video has (and which one this is), and the number of messages.
 */
export async function listAbuses (filters: AbuseListFilters) {
  const where: string[] = []
  const replacements: Record<string, unknown> = {}
  const like = (name: string, value: string) => {
    replacements[name] = containsPattern(value)
    return name
  }

  if (filters.id !== undefined) {
    where.push('a.id = :id')
    replacements.id = filters.id
  }
  if (filters.state !== undefined) {
    where.push('a.state = :state')
    replacements.state = filters.state
  }
  if (filters.reporterAccountId !== undefined) {
    where.push('a."reporterAccountId" = :reporterAccountId')
    replacements.reporterAccountId = filters.reporterAccountId
  }
  if (filters.filter) {
    where.push('a.type = :type')
    replacements.type = filters.filter
  }
  if (filters.predefinedReason) {
    where.push(':predefinedReason = ANY(a."predefinedReasons")')
    replacements.predefinedReason = ABUSE_PREDEFINED_REASONS[filters.predefinedReason]
  }
  if (filters.videoIs === 'deleted') where.push('a.type = \'video\' AND a."videoId" IS NULL')
  if (filters.videoIs === 'blacklisted') where.push('a."videoId" IN (SELECT "videoId" FROM "videoBlacklist")')
  if (filters.searchReporter) where.push(ACCOUNT_NAME_MATCH('reporterAccountId').replaceAll(':PATTERN', ':' + like('searchReporter', filters.searchReporter)))
  if (filters.searchReportee) where.push(ACCOUNT_NAME_MATCH('flaggedAccountId').replaceAll(':PATTERN', ':' + like('searchReportee', filters.searchReportee)))
  if (filters.searchVideo) {
    like('searchVideo', filters.searchVideo)
    where.push('(a."videoSnapshot"->>\'name\' ILIKE :searchVideo OR a."videoSnapshot"->>\'uuid\' = :searchVideoExact)')
    replacements.searchVideoExact = filters.searchVideo
  }
  if (filters.searchVideoChannel) {
    like('searchVideoChannel', filters.searchVideoChannel)
    where.push('(a."videoSnapshot"->\'channel\'->>\'displayName\' ILIKE :searchVideoChannel OR a."videoSnapshot"->\'channel\'->>\'name\' ILIKE :searchVideoChannel)')
  }
  if (filters.search) {
    like('search', filters.search)
    where.push('(a.reason ILIKE :search OR a."videoSnapshot"->>\'name\' ILIKE :search OR a."commentSnapshot"->>\'text\' ILIKE :search OR ' +
      `${ACCOUNT_NAME_MATCH('reporterAccountId').replaceAll(':PATTERN', ':search')} OR ${ACCOUNT_NAME_MATCH('flaggedAccountId').replaceAll(':PATTERN', ':search')})`)
  }

  const whereSql = where.length === 0 ? '' : 'WHERE ' + where.join(' AND ')
  const descending = filters.sort.startsWith('-')
  const column = SORT_COLUMNS[filters.sort.replace(/^-/, '')] ?? 'a.id'
  const orderSql = `ORDER BY ${column} ${descending ? 'DESC' : 'ASC'}, a.id ${descending ? 'DESC' : 'ASC'}`

  const sequelize = AbuseModel.sequelize!
  const [ countRow ] = await sequelize.query<{ total: string }>(`SELECT count(*) AS total FROM abuse a ${whereSql}`, { replacements, type: QueryTypes.SELECT })
  const ids = (await sequelize.query<{ id: number }>(`SELECT a.id FROM abuse a ${whereSql} ${orderSql} OFFSET :start LIMIT :count`, {
    replacements: { ...replacements, start: filters.start, count: filters.count },
    type: QueryTypes.SELECT
  })).map(r => r.id)

  // abuseIncludes loads the video with formatVideo's includes: the type says so.
  const loaded = ids.length === 0 ? [] : await AbuseModel.findAll({ where: { id: { [Op.in]: ids } }, include: abuseIncludes() }) as AbuseWithVideo[]
  const byId = new Map(loaded.map(abuse => [ abuse.id, abuse ]))
  const data = ids.map(id => byId.get(id)).filter((abuse): abuse is AbuseWithVideo => abuse !== undefined)
  return { total: Number(countRow?.total ?? 0), data, figures: await abuseFigures(data) }
}

export interface AbuseFigures {
  countMessages: number
  countReportsForReporter: number
  countReportsForReportee: number
  countReports: number
  nthReport: number
}

/** The triage figures of each report, keyed by its id. */
export async function abuseFigures (abuses: AbuseModel[]): Promise<Map<number, AbuseFigures>> {
  const figures = new Map<number, AbuseFigures>()
  if (abuses.length === 0) return figures
  const sequelize = AbuseModel.sequelize!

  const countBy = async (column: 'reporterAccountId' | 'flaggedAccountId') => {
    const ids = [ ...new Set(abuses.map(a => a[column]).filter((id): id is number => id !== null && id !== undefined)) ]
    if (ids.length === 0) return new Map<number, number>()
    const rows = await sequelize.query<{ key: number, count: string }>(
      `SELECT "${column}" AS key, count(*) AS count FROM abuse WHERE "${column}" IN (:ids) GROUP BY "${column}"`,
      { replacements: { ids }, type: QueryTypes.SELECT }
    )
    return new Map(rows.map(r => [ r.key, Number(r.count) ]))
  }

  const videoUuids = [ ...new Set(abuses.map(a => a.videoSnapshot?.uuid).filter((uuid): uuid is string => !!uuid)) ]
  const videoRanks = videoUuids.length === 0
    ? []
    : await sequelize.query<{ id: number, countReports: string, nthReport: string }>(
      'SELECT id, count(*) OVER w AS "countReports", row_number() OVER (w ORDER BY "createdAt", id) AS "nthReport" ' +
      'FROM abuse WHERE "videoSnapshot"->>\'uuid\' IN (:uuids) WINDOW w AS (PARTITION BY "videoSnapshot"->>\'uuid\')',
      { replacements: { uuids: videoUuids }, type: QueryTypes.SELECT }
    )
  const rankById = new Map(videoRanks.map(r => [ r.id, r ]))

  const [ byReporter, byReportee, messages ] = await Promise.all([
    countBy('reporterAccountId'),
    countBy('flaggedAccountId'),
    AbuseMessageModel.countByAbuses(abuses.map(a => a.id))
  ])

  for (const abuse of abuses) {
    const rank = rankById.get(abuse.id)
    figures.set(abuse.id, {
      countMessages: messages.get(abuse.id) ?? 0,
      countReportsForReporter: abuse.reporterAccountId ? byReporter.get(abuse.reporterAccountId) ?? 0 : 0,
      countReportsForReportee: abuse.flaggedAccountId ? byReportee.get(abuse.flaggedAccountId) ?? 0 : 0,
      countReports: Number(rank?.countReports ?? 0),
      nthReport: Number(rank?.nthReport ?? 0)
    })
  }
  return figures
}

export async function loadAbuse (id: number) {
  return AbuseModel.findByPk(id, { include: abuseIncludes() }) as Promise<AbuseWithVideo | null>
}
