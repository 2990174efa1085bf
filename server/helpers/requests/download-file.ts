import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { basename, dirname, join } from 'node:path'
import { isIP } from 'node:net'
import { createGuardedLookup } from './guarded-lookup.js'
import { isPrivateAddress } from './private-addresses.js'
import { RemoteRequestError } from './remote-request-error.js'

export interface DownloadOptions {
  timeoutMs: number
  maxBytes: number
  allowPrivateAddresses: boolean
  signal?: AbortSignal
  /** Each chunk as it arrives (verifying against piece hashes while downloading, rate limits). */
  onChunk?: (chunk: Buffer) => Promise<void> | void
}

/**
 * Streams a remote file to `path` with the guards of our HTTP client (http(s) only, no private addresses unless
 * allowed, a deadline, a size cap, a few redirects), written aside and renamed only when complete. Returns its
 * size and SHA-256. Without `path`, the bytes are only hashed (checking a remote copy).
 */
export async function downloadRemoteFile (url: string, path: string | undefined, options: DownloadOptions) {
  const aside = path ? join(dirname(path), `.${basename(path)}.download-${randomUUID()}`) : undefined
  if (path) await mkdir(dirname(path), { recursive: true })
  try {
    const result = await fetchTo(new URL(url), aside, options, Date.now() + options.timeoutMs, 0)
    if (path && aside) await rename(aside, path)
    return result
  } catch (err) {
    if (aside) await rm(aside, { force: true })
    throw err
  }
}

async function fetchTo (url: URL, aside: string | undefined, options: DownloadOptions, deadline: number, hop: number): Promise<{ size: number, sha256: string }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RemoteRequestError('unsupported-protocol', `Refusing ${url.protocol} URL`, { url: url.href })
  // The lookup never runs for IP literals (a redirect to http://127.0.0.1/ would skip it): check those here.
  const literal = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(literal) && !options.allowPrivateAddresses && isPrivateAddress(literal)) {
    throw new RemoteRequestError('private-address', `Refusing non-public address ${literal}`, { url: url.href })
  }
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http
    const request = transport.get({
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      path: url.pathname + url.search,
      lookup: createGuardedLookup(options.allowPrivateAddresses),
      agent: false,
      timeout: Math.max(1, deadline - Date.now()),
      signal: options.signal
    }, resolve)
    request.on('timeout', () => request.destroy(new RemoteRequestError('timeout', `Timed out after ${options.timeoutMs} ms`, { url: url.href })))
    request.on('error', err => reject(err instanceof RemoteRequestError ? err : new RemoteRequestError('network', `${url.host}: ${err.message}`, { url: url.href, cause: err })))
  })

  const status = response.statusCode ?? 0
  if ([ 301, 302, 303, 307, 308 ].includes(status) && response.headers.location) {
    response.resume()
    if (hop >= 3) throw new RemoteRequestError('too-many-redirects', 'More than 3 redirects', { url: url.href })
    return fetchTo(new URL(response.headers.location, url), aside, options, deadline, hop + 1)
  }
  if (status < 200 || status >= 300) {
    response.resume()
    throw new RemoteRequestError('bad-status', `${url.href} answered ${status}`, { url: url.href, status })
  }

  const hash = createHash('sha256')
  const out = aside ? createWriteStream(aside) : undefined
  let size = 0
  try {
    for await (const chunk of response) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > options.maxBytes) throw new RemoteRequestError('too-large', `Reply exceeds ${options.maxBytes} bytes`, { url: url.href })
      if (Date.now() > deadline) throw new RemoteRequestError('timeout', `Timed out after ${options.timeoutMs} ms`, { url: url.href })
      hash.update(buffer)
      await options.onChunk?.(buffer)
      if (out && !out.write(buffer)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
    }
  } finally {
    response.destroy()
    if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => err ? reject(err) : resolve()))
  }
  return { size, sha256: hash.digest('hex') }
}
