import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { NAME_WORDS_SQL } from '../../../server/models/video/queries/video-list/video-name-words-sql.js'
import { BACKFILL_NAME_POSTINGS_SQL, NAME_POSTINGS_TABLE } from '../../../server/models/video/queries/video-list/video-name-postings-sql.js'
import { BACKFILL_TAG_POSTINGS_SQL, TAG_POSTINGS_TABLE } from '../../../server/models/video/queries/video-list/video-tag-postings-sql.js'
import { copyRows, type CopyValue } from './copy-rows.js'
import { buildVocabulary, capitalize, seededRandom, zipfPicker } from './vocabulary.js'

/**
 * Fills an instance's (stopped) database with a synthetic catalogue: remote servers, channels and accounts, and
 * `videos` videos (local and remote, 3 tags each, a miniature and a preview each), with field lengths and
 * distributions of a real instance (a few big channels, popular categories and languages, a long tail of views).
 * Everything goes in with COPY; the secondary indexes are dropped first and rebuilt at the end, as one would
 * restore a dump.
 */

export interface DatasetOptions {
  videos: number
  /** Host:port of the instance (local videos' URLs). */
  localHost: string
  seed?: number
  log?: (line: string) => void
}

const REMOTE_SERVERS = 60
const REMOTE_CHANNELS = 3000
const LOCAL_CHANNELS = 150
const LOCAL_SHARE = 0.2
const LINUX_SHARE = 0.125
const TAGS_PER_VIDEO = 3
const DAY_MS = 86_400_000
const LANGUAGES = [ 'en', 'fr', 'de', 'es', 'it', 'ja', 'pt', 'ru', 'nl', 'pl', 'sv', 'zh', 'ko', 'ar', 'tr', 'cs', 'fi', 'eo', 'ca', 'hu' ]

// Tables the COPY fills, whose secondary indexes are rebuilt afterwards.
const BULK_TABLES = [ 'video', 'thumbnail', 'videoTag', 'tag', 'actor', 'account', 'videoChannel', 'actorImage', 'videoNameWord' ]

export async function generateDataset (connection: pg.ClientConfig, options: DatasetOptions) {
  const log = options.log ?? (() => undefined)
  const random = seededRandom(options.seed ?? 18)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  const { words, tags } = buildVocabulary(random)
  const word = zipfPicker(words, 1.05, random)
  // "linux" ranks 40th among tags: on about 1 % of videos, so a tag search is not the same as a name search.
  const rankedTags = [ ...tags.slice(0, 39), 'linux', ...tags.slice(39) ]
  const tagName = zipfPicker(rankedTags, 1.0, random)
  const category = zipfPicker([ 1, 10, 7, 12, 15, 13, 9, 2, 8, 11, 5, 6, 4, 16, 18, 17, 3, 14, null ], 0.8, random)
  const language = zipfPicker([ 'en', null, ...LANGUAGES.slice(1) ], 1.1, random)
  const licence = zipfPicker([ null, 1, 2, 4, 7, 5, 3, 6 ], 0.9, random)

  const client = new pg.Client(connection)
  await client.connect()
  try {
    const dropped = await dropSecondaryIndexes(client)
    // The vocabulary trigger would run once per row: it is filled once at the end instead, as a migration does.
    await client.query('ALTER TABLE "video" DISABLE TRIGGER USER')
    const now = Date.now()

    // Servers and actors: remote channels each have their own account (as most PeerTube users do).
    const serverIds = await insertServers(client, now)
    const firstActorId = await nextId(client, 'actor')
    const firstAccountId = await nextId(client, 'account')
    const firstChannelId = await nextId(client, 'videoChannel')
    const channels: { remote: boolean, serverId: number | null, host: string }[] = []
    for (let i = 0; i < LOCAL_CHANNELS; i++) channels.push({ remote: false, serverId: null, host: options.localHost })
    for (let i = 0; i < REMOTE_CHANNELS; i++) {
      const s = Math.floor(Math.pow(random(), 2) * REMOTE_SERVERS)
      channels.push({ remote: true, serverId: serverIds[s].id, host: serverIds[s].host })
    }

    log(`actors, accounts and channels (${channels.length})`)
    const created = new Date(now - 2000 * DAY_MS)
    await copyRows(client, 'actor', [ 'id', 'type', 'preferredUsername', 'url', 'followersCount', 'followingCount', 'inboxUrl', 'outboxUrl', 'sharedInboxUrl', 'followersUrl', 'followingUrl', 'serverId', 'createdAt', 'updatedAt' ],
      (function * () {
        for (let i = 0; i < channels.length; i++) {
          const { host, serverId } = channels[i]
          for (const [ kind, offset, type ] of [ [ 'accounts', 0, 'Person' ], [ 'video-channels', 1, 'Group' ] ] as const) {
            const name = kind === 'accounts' ? `user${i}` : `user${i}_channel`
            const url = `http://${host}/${kind}/${name}`
            yield [ firstActorId + 2 * i + offset, type, name, url, Math.floor(random() * 500), 0, `${url}/inbox`, `${url}/outbox`, `http://${host}/inbox`, `${url}/followers`, `${url}/following`, serverId, created, created ]
          }
        }
      })())
    await copyRows(client, 'account', [ 'id', 'name', 'description', 'actorId', 'createdAt', 'updatedAt' ],
      channels.map((_, i) => [ firstAccountId + i, `User ${i}`, i % 3 === 0 ? sentence(word, 8, 20, random) : null, firstActorId + 2 * i, created, created ]))
    await copyRows(client, 'videoChannel', [ 'id', 'name', 'description', 'support', 'actorId', 'accountId', 'createdAt', 'updatedAt' ],
      channels.map((_, i) => [ firstChannelId + i, `${capitalize(word())} ${word()} channel`, sentence(word, 5, 30, random), null, firstActorId + 2 * i + 1, firstAccountId + i, created, created ]))
    await copyRows(client, 'actorImage', [ 'filename', 'width', 'height', 'fileUrl', 'onDisk', 'type', 'actorId', 'createdAt', 'updatedAt' ],
      (function * () {
        for (let i = 0; i < channels.length * 2; i++) {
          for (const width of [ 48, 120 ]) {
            const filename = `${randomUUID()}.webp`
            yield [ filename, width, width, channels[i >> 1].remote ? `http://${channels[i >> 1].host}/lazy-static/avatars/${filename}` : null, !channels[i >> 1].remote, 1, firstActorId + i, created, created ]
          }
        }
      })())

    log('tags')
    const tagIds = new Map<string, number>()
    const firstTagId = await nextId(client, 'tag')
    const allTags = rankedTags
    allTags.forEach((name, i) => tagIds.set(name, firstTagId + i))
    await copyRows(client, 'tag', [ 'id', 'name', 'createdAt', 'updatedAt' ], allTags.map((name, i) => [ firstTagId + i, name, created, created ]))

    // A few channels hold many videos: channel k with probability ~ 1/(k+1)^0.9.
    const localChannel = zipfPicker(Array.from({ length: LOCAL_CHANNELS }, (_, i) => firstChannelId + i), 0.9, random)
    const remoteChannel = zipfPicker(Array.from({ length: REMOTE_CHANNELS }, (_, i) => ({ id: firstChannelId + LOCAL_CHANNELS + i, host: channels[LOCAL_CHANNELS + i].host })), 0.9, random)

    const firstVideoId = await nextId(client, 'video')
    const videoRows: CopyValue[][] = []
    const thumbnails: CopyValue[][] = []
    const videoTags: CopyValue[][] = []
    const flush = async () => {
      await copyRows(client, 'video', VIDEO_COLUMNS, videoRows.splice(0))
      await copyRows(client, 'thumbnail', [ 'filename', 'type', 'width', 'height', 'fileUrl', 'onDisk', 'videoId', 'createdAt', 'updatedAt' ], thumbnails.splice(0))
      await copyRows(client, 'videoTag', [ 'createdAt', 'updatedAt', 'tagId', 'videoId' ], videoTags.splice(0))
    }

    for (let i = 0; i < options.videos; i++) {
      const id = firstVideoId + i
      const remote = random() >= LOCAL_SHARE
      const channel = remote ? remoteChannel() : { id: localChannel(), host: options.localHost }
      const uuid = randomUUID()
      // Newer videos are more numerous (instances grow): publishedAt over five years, skewed to recent.
      const publishedAt = new Date(now - Math.floor(Math.pow(random(), 1.5) * 5 * 365 * DAY_MS))
      const privacyDraw = random()
      const privacy = remote ? (privacyDraw < 0.95 ? 1 : 2) : (privacyDraw < 0.85 ? 1 : privacyDraw < 0.92 ? 2 : privacyDraw < 0.97 ? 3 : 4)
      const state = remote || random() < 0.97 ? 1 : 2
      const views = Math.floor(Math.pow(random(), 6) * 2_000_000)
      const description = random() < 0.3 ? null : sentence(word, 10, Math.floor(10 + Math.pow(random(), 2) * 250), random)
      videoRows.push([
        id, uuid, title(word, random), category(), licence(), language(), privacy, random() < 0.05, description,
        random() < 0.1 ? 'https://example.org/donate' : null,
        Math.floor(10 + Math.pow(random(), 2) * 7200), pick([ 1.7778, 1.7778, 1.7778, 1.3333, 0.5625 ]),
        views, Math.floor(views * random() * 0.05), Math.floor(views * random() * 0.005), remote,
        remote ? `http://${channel.host}/videos/watch/${uuid}` : `http://${options.localHost}/videos/watch/${uuid}`,
        true, random() < 0.9, !remote, state, channel.id, publishedAt,
        random() < 0.1 ? new Date(publishedAt.getTime() - Math.floor(random() * 3000 * DAY_MS)) : null,
        publishedAt, publishedAt
      ])
      for (const type of [ 1, 2 ]) {
        const filename = `${randomUUID()}.jpg`
        const [ width, height ] = type === 1 ? [ 280, 157 ] : [ 850, 480 ]
        thumbnails.push([ filename, type, width, height, remote ? `http://${channel.host}/lazy-static/${type === 1 ? 'thumbnails' : 'previews'}/${filename}` : null, !remote, id, publishedAt, publishedAt ])
      }
      const videoTagNames = new Set<string>()
      while (videoTagNames.size < TAGS_PER_VIDEO) videoTagNames.add(tagName())
      for (const name of videoTagNames) videoTags.push([ publishedAt, publishedAt, tagIds.get(name)!, id ])

      if (videoRows.length === 20_000) {
        await flush()
        if ((i + 1) % 100_000 === 0) log(`videos: ${i + 1}`)
      }
    }
    await flush()

    for (const table of [ 'actor', 'account', 'videoChannel', 'tag', 'video', 'thumbnail', 'actorImage' ]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`)
    }

    log(`rebuilding ${dropped.length} indexes`)
    await client.query('SET maintenance_work_mem = \'256MB\'')
    for (const definition of dropped) await client.query(definition)
    await client.query('ALTER TABLE "video" ENABLE TRIGGER USER')
    log('vocabulary of names')
    await client.query(`INSERT INTO "videoNameWord" ("word") SELECT DISTINCT "words"."word" FROM "video", LATERAL (${NAME_WORDS_SQL('"video"."name"')}) AS "words" ON CONFLICT DO NOTHING`)
    log('follows of the remote servers, and the announces of remote videos')
    await followRemoteServers(client)
    await announceRemoteVideos(client)
    log('postings of name words and tags')
    await fillNamePostings(client)
    log('VACUUM ANALYZE')
    for (const table of BULK_TABLES) await client.query(`VACUUM ANALYZE "${table}"`)
  } finally {
    await client.end()
  }

  /** The postings' key is built after the fill (as a restore would), not kept up to date row by row. */
  async function fillNamePostings (db: pg.Client) {
    await db.query(`TRUNCATE "${NAME_POSTINGS_TABLE}"`)
    await db.query(`ALTER TABLE "${NAME_POSTINGS_TABLE}" DROP CONSTRAINT IF EXISTS "${NAME_POSTINGS_TABLE}_pkey"`)
    await db.query(BACKFILL_NAME_POSTINGS_SQL)
    await db.query(`ALTER TABLE "${NAME_POSTINGS_TABLE}" ADD PRIMARY KEY ("word", "publishedAt", "videoId")`)
    await db.query(`VACUUM ANALYZE "${NAME_POSTINGS_TABLE}"`)
    await db.query(`TRUNCATE "${TAG_POSTINGS_TABLE}"`)
    await db.query(`ALTER TABLE "${TAG_POSTINGS_TABLE}" DROP CONSTRAINT IF EXISTS "${TAG_POSTINGS_TABLE}_pkey"`)
    await db.query(BACKFILL_TAG_POSTINGS_SQL)
    await db.query(`ALTER TABLE "${TAG_POSTINGS_TABLE}" ADD PRIMARY KEY ("tagId", "publishedAt", "videoId")`)
    await db.query(`VACUUM ANALYZE "${TAG_POSTINGS_TABLE}"`)
  }

  function title (nextWord: () => string, rnd: () => number) {
    const count = 2 + Math.floor(Math.pow(rnd(), 1.5) * 10)
    const parts = Array.from({ length: count }, nextWord)
    if (rnd() < LINUX_SHARE) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, rnd() < 0.5 ? 'Linux' : 'linux')
    if (rnd() < 0.15) parts.push(`#${1 + Math.floor(rnd() * 200)}`)
    parts[0] = capitalize(parts[0])
    return parts.join(' ').slice(0, 120)
  }
}

const VIDEO_COLUMNS = [
  'id', 'uuid', 'name', 'category', 'licence', 'language', 'privacy', 'nsfw', 'description', 'support', 'duration', 'aspectRatio',
  'views', 'likes', 'dislikes', 'remote', 'url', 'commentsEnabled', 'downloadEnabled', 'waitTranscoding', 'state', 'channelId',
  'publishedAt', 'originallyPublishedAt', 'createdAt', 'updatedAt'
]

function sentence (nextWord: () => string, min: number, max: number, rnd: () => number) {
  const count = min + Math.floor(rnd() * (max - min + 1))
  const parts = Array.from({ length: count }, nextWord)
  return capitalize(parts.join(' ')) + '.'
}

async function nextId (client: pg.Client, table: string) {
  const { rows } = await client.query<{ max: number | null }>(`SELECT max(id) AS max FROM "${table}"`)
  return (rows[0].max ?? 0) + 1
}

/**
 * The instance follows every remote server (its instance actor, accepted), as a real one whose remote videos came
 * through follows: public lists show remote videos only when something the instance follows brought them (issue
 * 15's rule), so without these follows the lists would hold local videos only. Idempotent.
 */
export async function followRemoteServers (client: pg.Client) {
  await client.query(`
    INSERT INTO actor (type, "preferredUsername", url, "followersCount", "followingCount", "inboxUrl", "outboxUrl", "sharedInboxUrl",
      "followersUrl", "followingUrl", "serverId", "createdAt", "updatedAt")
    SELECT 'Application', 'peertube', 'http://' || s.host || '/accounts/peertube', 1, 0, 'http://' || s.host || '/accounts/peertube/inbox',
      'http://' || s.host || '/accounts/peertube/outbox', 'http://' || s.host || '/inbox', 'http://' || s.host || '/accounts/peertube/followers',
      'http://' || s.host || '/accounts/peertube/following', s.id, now(), now()
    FROM server s WHERE NOT EXISTS (SELECT 1 FROM actor a WHERE a."serverId" = s.id AND a.type = 'Application')`)
  await client.query(`
    INSERT INTO "actorFollow" (state, url, score, "actorId", "targetActorId", "followResends", "createdAt", "updatedAt")
    SELECT 'accepted', local.url || '/follows/' || target.id, 20, local.id, target.id, 0, now(), now()
    FROM actor target, (SELECT id, url FROM actor WHERE type = 'Application' AND "serverId" IS NULL ORDER BY id LIMIT 1) AS local
    WHERE target.type = 'Application' AND target."serverId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "actorFollow" f WHERE f."actorId" = local.id AND f."targetActorId" = target.id)`)
}

/**
 * Each remote video announced by its channel and by its instance's actor, as PeerTube does when it publishes (both
 * reach us through the instance's follow and become "videoShare" rows): a federated catalogue holds about two
 * shares per remote video, which the followed-only condition of public lists must not pay for. Idempotent.
 */
export async function announceRemoteVideos (client: pg.Client) {
  const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM "videoShare") AS "any"')
  if (rows[0].any) return
  await client.query(`
    INSERT INTO "videoShare" (url, "actorId", "videoId", "createdAt", "updatedAt")
    SELECT v.url || '/announces/' || announcer.id, announcer.id, v.id, v."publishedAt", v."publishedAt"
    FROM video v JOIN "videoChannel" vc ON vc.id = v."channelId" JOIN actor ca ON ca.id = vc."actorId"
    CROSS JOIN LATERAL (
      SELECT ca.id UNION ALL SELECT t.id FROM actor t WHERE t."serverId" = ca."serverId" AND t.type = 'Application'
    ) AS announcer (id)
    WHERE v.remote
    ON CONFLICT DO NOTHING`)
  await client.query('VACUUM ANALYZE "videoShare"')
}

/** Brings a dataset generated by an earlier version of this script up to what it generates now. */
export async function upgradeKeptDataset (connection: pg.ClientConfig) {
  const client = new pg.Client(connection)
  await client.connect()
  try {
    await followRemoteServers(client)
    await announceRemoteVideos(client)
  } finally {
    await client.end()
  }
}

async function insertServers (client: pg.Client, now: number) {
  // Hosts on loopback ports nobody listens on: a stray refresh or fetch can never leave the machine.
  const values = Array.from({ length: REMOTE_SERVERS }, (_, i) => `('127.0.0.1:${19_001 + i}', now(), now())`).join(', ')
  const { rows } = await client.query<{ id: number, host: string }>(`INSERT INTO server (host, "createdAt", "updatedAt") VALUES ${values} RETURNING id, host`)
  void now
  return rows
}

/** Drops the indexes of the bulk-loaded tables that back no constraint; returns their definitions. */
async function dropSecondaryIndexes (client: pg.Client) {
  const { rows } = await client.query<{ name: string, definition: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid::regclass::text = ANY ($1)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`, [ BULK_TABLES.map(t => t === t.toLowerCase() ? t : `"${t}"`) ])
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`)
  return rows.map(r => r.definition)
}
