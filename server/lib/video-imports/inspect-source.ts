import parseTorrent from 'parse-torrent'
import { decode as decodeMagnet } from 'magnet-uri'
import { basename, extname } from 'node:path'
import { CONFIG } from '../../initializers/config/index.js'
import { VIDEO_IMPORTS } from '../../initializers/constants/video-imports.js'
import { guardedRequest } from '../../helpers/requests/guarded-request.js'
import { RemoteRequestError } from '../../helpers/requests/remote-request-error.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { isOnPrivateAddress } from './check-public-host.js'
import { refusedSource } from './import-problems.js'
import { extractorPath } from './download-with-extractor.js'

/** What the request pointed at, once checked: enough for the job to download it. */
export type ImportSource =
  | { type: 'http', targetUrl: string, size?: number, suggestedName: string }
  | { type: 'extractor', targetUrl: string, suggestedName: string }
  | { type: 'magnet-uri', magnetUri: string, suggestedName: string }
  | { type: 'torrent-file', torrentFile: Buffer, torrentName: string, size: number, suggestedName: string }

export function allowPrivateAddresses () {
  return CONFIG.federation.allow_private_addresses
}

/** A header we saw: the preflight stops there, the body is the job's to read. */
class HeadersSeen extends Error {
  constructor (readonly status: number, readonly headers: Record<string, string | string[] | undefined>) {
    super('headers seen')
  }
}

/**
 * Looks at a direct media URL before accepting the import, so that what cannot work is refused with its reason at
 * once: a private address, a server that does not answer, a page that is not a video (unless an extractor is
 * configured), a file larger than the instance takes. The job then downloads it with the same guards.
 */
export async function inspectTargetUrl (targetUrl: string): Promise<ImportSource> {
  let url: URL
  try {
    url = new URL(targetUrl)
  } catch {
    throw refusedSource({ status: 400, field: 'targetUrl', msg: 'Should have a valid targetUrl (an http or https URL)', value: targetUrl })
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw refusedSource({ status: 400, field: 'targetUrl', msg: 'Should have a valid targetUrl (an http or https URL without credentials)', value: targetUrl })
  }
  if (!allowPrivateAddresses() && await isOnPrivateAddress(targetUrl)) throw privateAddress('targetUrl', targetUrl)

  let seen: HeadersSeen
  try {
    await guardedRequest(url.href, {
      method: 'GET',
      headers: { Accept: 'video/*, audio/*, */*;q=0.5' },
      timeoutMs: CONFIG.federation.http_timeout,
      maxBytes: 0,
      allowPrivateAddresses: allowPrivateAddresses(),
      maxRedirects: 5,
      checkResponse: ({ status, headers }) => { throw new HeadersSeen(status, headers) }
    })
    throw new Error('unreachable')
  } catch (caught) {
    // guardedRequest wraps what checkResponse throws: unwrap ours.
    const err = caught instanceof RemoteRequestError && caught.details.cause instanceof HeadersSeen ? caught.details.cause : caught
    if (err instanceof RemoteRequestError) {
      if (err.code === 'private-address') throw privateAddress('targetUrl', targetUrl)
      throw refusedSource({ status: 400, field: 'targetUrl', msg: `Cannot fetch this URL: ${err.message}`, value: targetUrl })
    }
    if (!(err instanceof HeadersSeen)) throw err
    seen = err
  }

  if (seen.status < 200 || seen.status >= 300) {
    throw refusedSource({ status: 400, field: 'targetUrl', msg: `Cannot fetch this URL: it answered ${seen.status}`, value: targetUrl })
  }

  const contentType = String(seen.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const suggestedName = nameFromUrl(url)
  if (VIDEO_IMPORTS.PAGE_CONTENT_TYPES.some(re => re.test(contentType)) && extractorPath()) {
    return { type: 'extractor', targetUrl: url.href, suggestedName }
  }
  if (contentType && !VIDEO_IMPORTS.MEDIA_CONTENT_TYPES.some(re => re.test(contentType))) {
    const hint = extractorPath() ? '' : ' (this instance has no site extractor such as yt-dlp: only direct links to video files can be imported)'
    throw refusedSource({
      status: 400,
      field: 'targetUrl',
      msg: `Should be the URL of a video file: it answered ${contentType}${hint}`,
      value: targetUrl,
      code: ProblemCode.INVALID_VIDEO_FILE
    })
  }

  const announced = Number(seen.headers['content-length'])
  const size = Number.isFinite(announced) && announced > 0 ? announced : undefined
  if (size !== undefined) ensureNotTooLarge('targetUrl', size, targetUrl)
  return { type: 'http', targetUrl: url.href, size, suggestedName }
}

/** A magnet link must name its torrent and say where to find it without DHT: a tracker, a web seed or a .torrent URL. */
export async function inspectMagnetUri (magnetUri: string): Promise<ImportSource> {
  let parsed: ReturnType<typeof decodeMagnet>
  try {
    parsed = decodeMagnet(magnetUri)
  } catch {
    parsed = undefined as never
  }
  if (!magnetUri.startsWith('magnet:?') || !parsed?.infoHash) {
    throw refusedSource({ status: 400, field: 'magnetUri', msg: 'Should have a valid magnetUri (magnet:?xt=urn:btih:...)', value: magnetUri })
  }

  const reachVia = [ ...(parsed.announce ?? []), ...(parsed.urlList ?? []), ...[ parsed.xs ?? [] ].flat() ].filter(u => /^(https?|wss?|udp):\/\//i.test(u))
  if (reachVia.length === 0) {
    throw refusedSource({
      status: 400,
      field: 'magnetUri',
      msg: 'Should have a magnetUri with a tracker (tr) or a web seed (ws): this instance does not use DHT to find peers',
      value: magnetUri
    })
  }
  await refuseIfAnyPrivate('magnetUri', reachVia, magnetUri)
  return { type: 'magnet-uri', magnetUri, suggestedName: typeof parsed.dn === 'string' && parsed.dn ? stripExtension(parsed.dn) : '' }
}

/** A .torrent must parse, hold a file to import and fit the instance's limits. */
export async function inspectTorrentFile (torrentFile: Buffer, originalName: string): Promise<ImportSource> {
  let parsed: Awaited<ReturnType<typeof parseTorrent>>
  try {
    parsed = await parseTorrent(torrentFile)
  } catch {
    throw refusedSource({ status: 400, field: 'torrentfile', msg: 'Should be a valid .torrent file', value: originalName })
  }
  if (!parsed.infoHash || !parsed.files?.length) {
    throw refusedSource({ status: 400, field: 'torrentfile', msg: 'Should be a valid .torrent file', value: originalName })
  }
  const file = pickTorrentFile(parsed.files)
  ensureNotTooLarge('torrentfile', file.length, originalName)

  const reachVia = [ ...(parsed.announce ?? []), ...(parsed.urlList ?? []) ]
  if (reachVia.length === 0) {
    throw refusedSource({
      status: 400,
      field: 'torrentfile',
      msg: 'Should have a torrent with a tracker (announce) or a web seed (url-list): this instance does not use DHT to find peers',
      value: originalName
    })
  }
  await refuseIfAnyPrivate('torrentfile', reachVia, originalName)
  const torrentName = parsed.name ?? basename(originalName)
  return { type: 'torrent-file', torrentFile, torrentName, size: file.length, suggestedName: stripExtension(basename(file.name)) }
}

/** The file of a torrent we import: its biggest video file, else its biggest file (PeerTube imports one file). */
export function pickTorrentFile<F extends { name: string, length: number }> (files: F[]): F {
  const bySize = [ ...files ].sort((a, b) => b.length - a.length)
  const videoExtensions = new Set([ '.mp4', '.webm', '.mkv', '.mov', '.ogv', '.m4v', '.avi', '.flv', '.mpg', '.mpeg', '.ts', '.mp3', '.ogg', '.flac', '.m4a', '.wav' ])
  return bySize.find(f => videoExtensions.has(extname(f.name).toLowerCase())) ?? bySize[0]
}

export function ensureNotTooLarge (field: 'targetUrl' | 'magnetUri' | 'torrentfile', size: number, value: unknown) {
  if (size <= CONFIG.video.max_file_size) return
  throw refusedSource({
    status: 413,
    field,
    msg: `The video is larger than the ${CONFIG.video.max_file_size} bytes this instance accepts (${size} bytes)`,
    value,
    code: ProblemCode.MAX_FILE_SIZE_REACHED
  })
}

async function refuseIfAnyPrivate (field: 'magnetUri' | 'torrentfile', urls: string[], value: unknown) {
  if (allowPrivateAddresses()) return
  for (const url of urls) {
    if (await isOnPrivateAddress(url)) throw privateAddress(field, value, url)
  }
}

function privateAddress (field: 'targetUrl' | 'magnetUri' | 'torrentfile', value: unknown, url = String(value)) {
  let host = url
  try {
    host = new URL(url).host
  } catch {}
  return refusedSource({ status: 403, field, msg: `Cannot import from ${host}: it is a private or local address`, value })
}

function nameFromUrl (url: URL) {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '')
  return stripExtension(last)
}

function stripExtension (name: string) {
  const ext = extname(name)
  return (ext ? name.slice(0, -ext.length) : name).trim()
}
