import type { TestInstance } from '../../shared/test-instance.js'

// The tables a remote activity can write to (directly or through its jobs).
const TABLES = [ 'actor', 'server', 'account', 'videoChannel', 'actorImage', 'actorFollow', 'video', 'videoShare', 'videoFile', 'tag', 'thumbnail', 'receivedSignature', 'identityConflict',
  'videoComment', 'videoPlaylist', 'videoPlaylistElement', 'accountVideoRate', 'abuse' ]

/** Row counts of those tables, to prove a refused activity stored nothing. */
export async function countStoredRows (instance: TestInstance) {
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const [ row ] = await instance.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)
    counts[table] = row.n
  }
  // Jobs leave their outbox entry once done: the sequence says how many were ever written.
  const [ sequence ] = await instance.sql<{ last_value: string, is_called: boolean }>('SELECT last_value, is_called FROM "outboxEntry_id_seq"')
  counts.outboxEntriesWritten = sequence.is_called ? Number(sequence.last_value) : 0
  return counts
}

/** Rows of actors (and their servers) of this origin. */
export async function countRowsOfOrigin (instance: TestInstance, origin: string) {
  const [ actors ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM actor WHERE url LIKE $1', [ `${origin}/%` ])
  const [ servers ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM server WHERE host = $1', [ new URL(origin).host ])
  const [ videos ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video WHERE url LIKE $1', [ `${origin}/%` ])
  return { actors: actors.n, servers: servers.n, videos: videos.n }
}
