import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { guardedRequest } from '../../../helpers/requests/guarded-request.js'
import { fromRoot } from '../../../helpers/project-root.js'
import { CONFIG } from '../../../initializers/config/index.js'

// The pull-through cache of a relay: each file of a remote live is fetched once from its origin, whatever the
// number of viewers asking for it at the same time (one request in flight per file), checked against the
// origin's segments-sha256 before anyone gets it, then served from our disk. Playlists change: they are fetched
// again when older than a fraction of a second (blocking LL-HLS reloads are passed on to the origin, once per
// distinct query).

const PLAYLIST_TTL_MS = 250
const HASHES_TTL_MS = 500
const MAX_FILE_BYTES = 64 * 1024 * 1024

export class RelayVerificationError extends Error {}

interface Cached { body: Buffer, contentType: string, fetchedAt: number }

const inFlight = new Map<string, Promise<Cached>>()
const playlists = new Map<string, Cached>()
const hashes = new Map<string, { table: Record<string, unknown>, fetchedAt: number }>()
/** Bytes fetched from origins, per video (the relay's own figure of what it costs the origin). */
const fetchedBytes = new Map<string, number>()

export function relayCacheDir (videoUuid?: string) {
  const root = join(fromRoot(CONFIG.storage.cache), 'live-relay')
  return videoUuid ? join(root, videoUuid) : root
}

export function relayFetchedBytes (videoUuid: string) {
  return fetchedBytes.get(videoUuid) ?? 0
}

async function fetchFromOrigin (videoUuid: string, url: string, maxBytes = MAX_FILE_BYTES): Promise<Cached> {
  const response = await guardedRequest(url, {
    method: 'GET',
    timeoutMs: 20_000,
    maxBytes,
    allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
    maxRedirects: 2
  })
  if (response.status !== 200) throw Object.assign(new Error(`origin answered ${response.status} for ${url}`), { status: response.status })
  fetchedBytes.set(videoUuid, (fetchedBytes.get(videoUuid) ?? 0) + response.body.length)
  return { body: response.body, contentType: String(response.headers['content-type'] ?? 'application/octet-stream'), fetchedAt: Date.now() }
}

function once (key: string, fetcher: () => Promise<Cached>) {
  const running = inFlight.get(key)
  if (running) return running
  const promise = fetcher().finally(() => inFlight.delete(key))
  inFlight.set(key, promise)
  return promise
}

/** A media or master playlist (with its query: `_HLS_msn`/`_HLS_part` block on the origin). */
export async function relayPlaylist (videoUuid: string, originUrl: string) {
  const cached = playlists.get(originUrl)
  if (cached && Date.now() - cached.fetchedAt < PLAYLIST_TTL_MS) return cached
  const fresh = await once(`playlist:${originUrl}`, () => fetchFromOrigin(videoUuid, originUrl, 1024 * 1024))
  playlists.set(originUrl, fresh)
  if (playlists.size > 5000) playlists.delete(playlists.keys().next().value as string)
  return fresh
}

const HASH_LOOKUPS_FOR_NEW_FILES = 4
const HASH_LOOKUP_INTERVAL_MS = 400

/** The origin's segments-sha256 (refetched when asked for a file it does not list yet). */
async function originHashes (videoUuid: string, hashesUrl: string, force: boolean) {
  const cached = hashes.get(hashesUrl)
  if (cached && !force && Date.now() - cached.fetchedAt < HASHES_TTL_MS) return cached.table
  if (cached && force && Date.now() - cached.fetchedAt < 100) return cached.table
  const fetched = await once(`hashes:${hashesUrl}`, () => fetchFromOrigin(videoUuid, hashesUrl, 4 * 1024 * 1024))
  const table = JSON.parse(fetched.body.toString('utf8')) as Record<string, unknown>
  hashes.set(hashesUrl, { table, fetchedAt: fetched.fetchedAt })
  return table
}

export async function relayHashes (videoUuid: string, hashesUrl: string) {
  const table = await originHashes(videoUuid, hashesUrl, false)
  return Buffer.from(JSON.stringify(table))
}

/**
 * A segment, part or init segment: from our disk, else fetched once from the origin and verified. A file whose
 * hash does not match (or that the origin does not list) is refused and not kept.
 */
export async function relayMediaFile (videoUuid: string, filename: string, originUrl: string, hashesUrl: string | null) {
  const path = join(relayCacheDir(videoUuid), filename)
  const onDisk = await readFile(path).catch(() => undefined)
  if (onDisk) return { path, fromCache: true }

  await once(`file:${path}`, async () => {
    const fetched = await fetchFromOrigin(videoUuid, originUrl)
    if (hashesUrl) await verify(videoUuid, hashesUrl, filename, fetched.body)
    await mkdir(relayCacheDir(videoUuid), { recursive: true })
    await writeFile(`${path}.tmp`, fetched.body)
    await rename(`${path}.tmp`, path)
    return fetched
  })
  return { path, fromCache: false }
}

async function verify (videoUuid: string, hashesUrl: string, filename: string, body: Buffer) {
  const actual = createHash('sha256').update(body).digest('hex')
  let expected = expectedHash(await originHashes(videoUuid, hashesUrl, false), filename)
  // The origin writes a segment before it lists its hash: a file it does not list yet gets a few more looks.
  for (let attempt = 1; !expected && attempt <= HASH_LOOKUPS_FOR_NEW_FILES; attempt++) {
    if (attempt > 1) await new Promise(resolve => setTimeout(resolve, HASH_LOOKUP_INTERVAL_MS))
    expected = expectedHash(await originHashes(videoUuid, hashesUrl, true), filename)
  }
  if (!expected) throw new RelayVerificationError(`${filename} is not in the origin's segments-sha256`)
  if (expected.toLowerCase() !== actual) throw new RelayVerificationError(`${filename} does not match the origin's segments-sha256`)
}

function expectedHash (table: Record<string, unknown>, filename: string) {
  const entry = table[filename]
  return typeof entry === 'string' ? entry : undefined
}

/** A live is over (or not relayed any more): its cached files go. */
export async function dropRelayCache (videoUuid: string) {
  fetchedBytes.delete(videoUuid)
  await rm(relayCacheDir(videoUuid), { recursive: true, force: true })
}
