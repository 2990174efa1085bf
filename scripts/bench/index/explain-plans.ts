import { writeFileSync } from 'node:fs'
import { QueryTypes, Sequelize } from 'sequelize'
import { transactionNamespace } from '../../../server/initializers/transaction-context.js'
import { registerModels } from '../../../server/models/index.js'
import { buildListQuery, type VideoListFilters } from '../../../server/models/video/queries/video-list-query.js'

const CASES: { name: string, filters: Partial<VideoListFilters> }[] = [
  { name: 'first page', filters: {} },
  { name: 'deep page (start=10000)', filters: { start: 10_000 } },
  { name: 'categoryOneOf=3', filters: { categoryOneOf: [ 3 ] } },
  { name: 'tagsOneOf=linux', filters: { tagsOneOf: [ 'linux' ] } },
  { name: 'search "linux" (-match)', filters: { search: 'linux', sort: '-match' } },
  { name: 'search "linux" (-publishedAt)', filters: { search: 'linux', sort: '-publishedAt' } },
  { name: 'search "linx" (typo)', filters: { search: 'linx', sort: '-match' } },
  { name: 'search "linux review" (-publishedAt)', filters: { search: 'linux review', sort: '-publishedAt' } },
  { name: 'search "linux review" (-match)', filters: { search: 'linux review', sort: '-match' } },
  { name: 'search "linx reveiw tutorail" (typos)', filters: { search: 'linx reveiw tutorail', sort: '-match' } },
  { name: 'search "velradros" (a tag)', filters: { search: 'velradros', sort: '-match' } },
  { name: 'search "éléphant" (accents)', filters: { search: 'ÉLÉPHANT', sort: '-match' } }
]

/**
 * EXPLAIN ANALYZE of the SQL the instance runs for some lists (built by the same code), written to a file for the
 * report: which index each page and each bounded count uses.
 */
export async function explainPlans (connection: { host: string, port: number, user: string, database: string }, file: string) {
  Sequelize.useCLS(transactionNamespace)
  const sequelize = new Sequelize({ dialect: 'postgres', host: connection.host, port: connection.port, username: connection.user, password: '', database: connection.database, logging: false, dialectOptions: { options: '-c jit=off' } })
  registerModels(sequelize)
  const out: string[] = []
  try {
    // What public lists add for an anonymous visitor (controllers: publicListScope, videoModerationFiltersFor).
    const [ instance ] = await sequelize.query<{ actorId: number, accountId: number }>(
      'SELECT a.id AS "actorId", acc.id AS "accountId" FROM actor a JOIN account acc ON acc."actorId" = a.id WHERE a.type = \'Application\' AND a."serverId" IS NULL ORDER BY a.id LIMIT 1',
      { type: QueryTypes.SELECT })
    const audience: Partial<VideoListFilters> = { followedByActorId: instance.actorId, moderation: { excludeBlocked: true, mutedByAccountIds: [ instance.accountId ] } }
    // EXPLAIN_ONLY=<regexp>: only the cases whose name matches (plans by hand while working on one).
    const only = process.env.EXPLAIN_ONLY ? new RegExp(process.env.EXPLAIN_ONLY) : undefined
    for (const { name, filters } of CASES.filter(c => !only || only.test(c.name))) {
      const { pageSql, countable, replacements } = await buildListQuery({ start: 0, count: 25, sort: '-publishedAt', ...audience, ...filters })
      const countSql = `SELECT count(*) FROM (${countable.branches.map(b => `(${b} LIMIT 1001)`).join(' UNION ')}) AS "matches"`
      for (const [ what, sql ] of [ [ 'page', pageSql ], [ 'bounded count (1,001)', countSql ] ]) {
        // Once to warm the caches, as a served list would find them; then the plan with its buffer counts.
        await sequelize.query(sql, { replacements, type: QueryTypes.SELECT })
        const rows = await sequelize.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, { replacements, type: QueryTypes.SELECT })
        out.push(`### ${name}: ${what}\n\n\`\`\`\n${rows.map(r => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`)
      }
    }
  } finally {
    await sequelize.close()
  }
  writeFileSync(file, out.join('\n'))
}
