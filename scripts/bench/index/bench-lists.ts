import pg from 'pg'
import { measureGetLatency, measureLatency, throughput, timedGet, type Latency } from '../lib/latency.js'

const WARM_UP_ROUNDS = 20

export interface ListFigure {
  name: string
  path: string
  latency: Latency
  total: number
  /** The page's own SQL alone, through a plain pg client: what no server can beat. */
  reference?: Latency
  referenceLabel?: string
}

type ListReply = { total: number, data: { name: string }[] }

const PAGE_QUERY = (where: string, order: string, start = 0) =>
  `SELECT "video"."id" FROM "video" WHERE "video"."privacy" = 1 AND "video"."state" = 1${where} ORDER BY ${order} LIMIT 25 OFFSET ${start}`

/**
 * p50/p99 of the list and search requests, each beside the bare query behind its page where there is one: first
 * and deep pages, each sort, the tag, category and language filters, and search (one word, several, a typo, a tag,
 * by relevance and by date).
 */
export async function benchLists (baseUrl: string, connection: pg.ClientConfig, options: { samples: number, log: (line: string) => void }) {
  const client = new pg.Client(connection)
  await client.connect()
  try {
    const tag = await pureTag(client)
    const queries: { name: string, path: string, reference?: { sql: string, label: string } }[] = [
      { name: 'list, first page (-publishedAt)', path: 'videos?sort=-publishedAt&count=25', reference: { sql: PAGE_QUERY('', '"publishedAt" DESC, "id" DESC'), label: 'page query alone' } },
      { name: 'list, deep page (start=10000)', path: 'videos?sort=-publishedAt&count=25&start=10000', reference: { sql: PAGE_QUERY('', '"publishedAt" DESC, "id" DESC', 10_000), label: 'page query alone' } },
      ...[ '-views', '-createdAt', 'name', '-duration', '-likes', '-originallyPublishedAt', '-trending' ].map(sort => ({
        name: `list, sort=${sort}`, path: `videos?sort=${sort}&count=25`
      })),
      { name: 'list, -views deep page (start=10000)', path: 'videos?sort=-views&count=25&start=10000' },
      { name: 'list, categoryOneOf=3', path: 'videos?categoryOneOf=3&count=25', reference: { sql: PAGE_QUERY(' AND "video"."category" = 3', '"publishedAt" DESC, "id" DESC'), label: 'page query alone' } },
      { name: 'list, languageOneOf=fr', path: 'videos?languageOneOf=fr&count=25' },
      { name: 'list, licenceOneOf=7', path: 'videos?licenceOneOf=7&count=25' },
      { name: 'list, tagsOneOf=linux', path: 'videos?tagsOneOf=linux&count=25' },
      { name: 'list, isLocal=true', path: 'videos?isLocal=true&count=25' },
      { name: 'list, nsfw=false', path: 'videos?nsfw=false&count=25' },
      { name: 'search "linux" (-match)', path: 'search/videos?search=linux&count=25', reference: { sql: FULL_TEXT_QUERY('\'linux\''), label: 'full-text index lookup alone' } },
      { name: 'search "linux" (-publishedAt)', path: 'search/videos?search=linux&sort=-publishedAt&count=25' },
      { name: 'search "linux review"', path: 'search/videos?search=linux%20review&count=25' },
      { name: 'search with a typo "linx"', path: 'search/videos?search=linx&count=25' },
      { name: 'search with typos "linx reveiw tutorail"', path: 'search/videos?search=linx%20reveiw%20tutorail&count=25' },
      { name: `search a tag "${tag}"`, path: `search/videos?search=${encodeURIComponent(tag)}&count=25` },
      { name: 'search "éléphant" (accents)', path: `search/videos?search=${encodeURIComponent('ÉLÉPHANT')}&count=25` }
    ]

    // Every request once round before any is timed: measured first, the first page was twice as slow as the same
    // page measured last (p50 12 → 6 ms, its bare query 0.7 → 0.3 ms) while the database's pages and both
    // processes' code warmed up. The figures are the steady state a running instance is in.
    options.log(`lists: warming up (each request ${WARM_UP_ROUNDS} times, untimed)`)
    for (const query of queries) {
      for (let i = 0; i < WARM_UP_ROUNDS; i++) {
        await timedGet(`${baseUrl}/api/v1/${query.path}`)
        if (query.reference) await client.query(query.reference.sql)
      }
    }

    const figures: ListFigure[] = []
    for (const query of queries) {
      options.log(`lists: ${query.name}`)
      const { latency, reply } = await measureGetLatency<ListReply>(`${baseUrl}/api/v1/${query.path}`, options.samples)
      const figure: ListFigure = { name: query.name, path: query.path, latency, total: reply.total }
      if (query.reference) {
        figure.reference = await measureLatency(async () => { await client.query(query.reference!.sql) }, options.samples)
        figure.referenceLabel = query.reference.label
      }
      figures.push(figure)
    }
    return figures
  } finally {
    await client.end()
  }
}

const FULL_TEXT_QUERY = (tsquery: string) =>
  `SELECT "id" FROM "video" WHERE "nameSearch" @@ ${`'${tsquery.replaceAll('\'', '\'\'')}'`}::tsquery LIMIT 25`

/** The most used tag that is no word of any name: a search that only the tag branch answers. */
async function pureTag (client: pg.Client) {
  const { rows } = await client.query<{ name: string }>(`
    SELECT t."name" FROM (SELECT "tagId", count(*) AS n FROM "videoTag" GROUP BY "tagId" ORDER BY n DESC LIMIT 3000) AS top
    JOIN "tag" t ON t."id" = top."tagId"
    WHERE NOT EXISTS (SELECT 1 FROM "videoNameWord" w WHERE w."word" = lower(immutable_unaccent(t."name")))
    ORDER BY top.n DESC LIMIT 1`)
  return rows[0]?.name ?? 'linux'
}

/** First page at 50 connections (autocannon). */
export async function benchListThroughput (baseUrl: string, seconds = 10) {
  return throughput(`${baseUrl}/api/v1/videos?sort=-publishedAt&count=25`, { connections: 50, seconds })
}

export async function databaseSize (connection: pg.ClientConfig) {
  const client = new pg.Client(connection)
  await client.connect()
  try {
    const { rows } = await client.query<{ database: string, videos: string, video_table: string, video_indexes: string }>(`
      SELECT pg_database_size(current_database()) AS database, (SELECT count(*) FROM "video") AS videos,
        pg_table_size('"video"') AS video_table, pg_indexes_size('"video"') AS video_indexes`)
    const mib = (bytes: string) => Number(bytes) / 1024 / 1024
    return { videos: Number(rows[0].videos), databaseMiB: mib(rows[0].database), videoTableMiB: mib(rows[0].video_table), videoIndexesMiB: mib(rows[0].video_indexes) }
  } finally {
    await client.end()
  }
}
