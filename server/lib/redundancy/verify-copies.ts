import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import parseTorrent from 'parse-torrent'
import { guardedRequest } from '../../helpers/requests/index.js'
import { CONFIG } from '../../initializers/config/index.js'

// Checks that a copy holds the right bytes with what the origin publishes anyway (PeerTube does too): a web
// video's torrent (the SHA-1 of every piece, under the info hash the video object announced), an HLS rendition's
// segments-sha256.json (the SHA-256 of every segment's byte range). Our own files also have their whole SHA-256.

const MAX_METADATA_BYTES = 20 * 1024 * 1024

async function fetchSmall (url: string) {
  const reply = await guardedRequest(url, {
    method: 'GET',
    timeoutMs: CONFIG.federation.http_timeout * 3,
    maxBytes: MAX_METADATA_BYTES,
    allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
    maxRedirects: 3
  })
  if (reply.status !== 200) throw new Error(`${url} answered ${reply.status}`)
  return reply.body
}

/** Undefined when the file matches its torrent, else what is wrong. */
export async function checkFileAgainstTorrent (path: string, torrentUrl: string, expectedInfoHash: string | null) {
  const parsed = await parseTorrent(await fetchSmall(torrentUrl)) as { infoHash?: string, pieceLength: number, pieces: string[], length: number }
  if (expectedInfoHash && parsed.infoHash !== expectedInfoHash) return `the torrent at ${torrentUrl} is not the announced one (info hash ${parsed.infoHash})`
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size !== parsed.length) return `size ${size} instead of ${parsed.length}`
    const buffer = Buffer.alloc(parsed.pieceLength)
    for (let i = 0; i < parsed.pieces.length; i++) {
      const { bytesRead } = await handle.read(buffer, 0, parsed.pieceLength, i * parsed.pieceLength)
      const digest = createHash('sha1').update(buffer.subarray(0, bytesRead)).digest('hex')
      if (digest !== parsed.pieces[i]) return `piece ${i} does not match its torrent`
    }
  } finally {
    await handle.close()
  }
  return undefined
}

export async function fetchSegmentsSha256 (url: string) {
  return JSON.parse((await fetchSmall(url)).toString('utf8')) as Record<string, Record<string, string>>
}

/** Undefined when every segment of the fragmented MP4 matches the origin's hashes. */
export async function checkFileAgainstSegments (path: string, hashes: Record<string, string> | undefined) {
  if (!hashes || Object.keys(hashes).length === 0) return 'the origin publishes no segment hashes for it'
  const handle = await open(path, 'r')
  try {
    for (const [ range, expected ] of Object.entries(hashes)) {
      const [ start, end ] = range.split('-').map(Number)
      const length = end - start + 1
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, start)
      if (bytesRead !== length) return `segment ${range} is cut short`
      if (createHash('sha256').update(buffer).digest('hex') !== expected) return `segment ${range} does not match its hash`
    }
  } finally {
    await handle.close()
  }
  return undefined
}

export { fetchSmall }
