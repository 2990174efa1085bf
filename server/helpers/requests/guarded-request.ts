/**
 * One HTTP exchange with a remote server, with the guards every federation request needs: http(s) only, no
 * private addresses (checked at connection time, on every redirect hop), one deadline for the whole exchange,
 * and a cap on the reply size enforced while streaming.
 *
 * Built on node:http rather than fetch: it takes a per-request `lookup`, which is where the address check
 * has to live to be immune to DNS rebinding, without adding a dependency.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { createGuardedLookup } from './guarded-lookup.js'
import { isPrivateAddress } from './private-addresses.js'
import { RemoteRequestError } from './remote-request-error.js'

export interface GuardedRequestOptions {
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: Uint8Array
  /** Deadline for the whole exchange, redirects and body included. */
  timeoutMs: number
  maxBytes: number
  allowPrivateAddresses: boolean
  /** Redirects followed for GET; 0 returns the 3xx reply as is. POST never follows. */
  maxRedirects: number
  /** Headers that depend on the URL (HTTP signatures), computed again for every hop. */
  headersForUrl?: (url: URL) => Promise<Record<string, string>>
  /** Looks at status and headers before the body is read; an error thrown here aborts the exchange. */
  checkResponse?: (response: { url: string, status: number, headers: IncomingHttpHeaders }) => void
  /** Over maxBytes, keep what was read instead of failing (delivery replies nobody needs). */
  truncateOversizedBody?: boolean
}

export interface GuardedResponse {
  /** Final URL, after redirects. */
  url: string
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

const REDIRECT_STATUSES = new Set([ 301, 302, 303, 307, 308 ])

export async function guardedRequest (url: string, options: GuardedRequestOptions): Promise<GuardedResponse> {
  const deadline = Date.now() + options.timeoutMs
  let current = parseRemoteUrl(url)

  for (let hop = 0; ; hop++) {
    const remaining = deadline - Date.now()
    if (remaining <= 0) throw new RemoteRequestError('timeout', `Timed out after ${options.timeoutMs} ms`, { url: current.href })

    const extraHeaders = options.headersForUrl ? await options.headersForUrl(current) : {}
    const response = await exchange(current, { ...options, headers: { ...options.headers, ...extraHeaders } }, remaining)

    const location = response.headers.location
    const follow = options.method === 'GET' && REDIRECT_STATUSES.has(response.status) && location !== undefined
    if (!follow || options.maxRedirects === 0) return response

    if (hop >= options.maxRedirects) {
      throw new RemoteRequestError('too-many-redirects', `More than ${options.maxRedirects} redirects`, { url: current.href })
    }
    current = parseRemoteUrl(new URL(location, current).href)
  }
}

function parseRemoteUrl (value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new RemoteRequestError('invalid-url', `Not a URL: ${value}`)
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteRequestError('unsupported-protocol', `Refusing ${url.protocol} URL`, { url: url.href })
  }
  if (url.username || url.password) throw new RemoteRequestError('invalid-url', 'URLs with credentials are refused', { url: url.href })

  return url
}

function exchange (url: URL, options: GuardedRequestOptions, timeoutMs: number): Promise<GuardedResponse> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname

  // The lookup never runs for IP literals, so check those here.
  if (isIP(hostname) && !options.allowPrivateAddresses && isPrivateAddress(hostname)) {
    return Promise.reject(new RemoteRequestError('private-address', `Refusing non-public address ${hostname}`, { url: url.href }))
  }

  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      reject(toRemoteError(error, url))
    }

    const transport = url.protocol === 'https:' ? https : http
    const request = transport.request({
      method: options.method,
      hostname,
      port: url.port || undefined,
      path: url.pathname + url.search,
      headers: options.body ? { ...options.headers, 'Content-Length': String(options.body.length) } : options.headers,
      lookup: createGuardedLookup(options.allowPrivateAddresses),
      // A fresh socket per exchange: a pooled one may have been opened under another address policy.
      agent: false
    })

    const timer = setTimeout(() => {
      fail(new RemoteRequestError('timeout', `Timed out after ${timeoutMs} ms`, { url: url.href }))
    }, timeoutMs)

    request.on('error', fail)
    request.on('response', (response: IncomingMessage) => {
      response.on('error', fail)

      try {
        options.checkResponse?.({ url: url.href, status: response.statusCode ?? 0, headers: response.headers })
      } catch (err) {
        return fail(err)
      }

      const announced = Number(response.headers['content-length'])
      if (announced > options.maxBytes && !options.truncateOversizedBody) {
        return fail(new RemoteRequestError('too-large', `Reply announces ${announced} bytes`, { url: url.href }))
      }

      const chunks: Buffer[] = []
      let received = 0
      const finish = () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve({ url: url.href, status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
      }

      response.on('data', (chunk: Buffer) => {
        if (settled) return

        received += chunk.length
        if (received <= options.maxBytes) {
          chunks.push(chunk)
          return
        }

        if (options.truncateOversizedBody) {
          chunks.push(chunk.subarray(0, chunk.length - (received - options.maxBytes)))
          finish()
          request.destroy()
          return
        }
        fail(new RemoteRequestError('too-large', `Reply exceeds ${options.maxBytes} bytes`, { url: url.href }))
      })
      response.on('end', finish)
    })

    request.end(options.body)
  })
}

function toRemoteError (error: unknown, url: URL): RemoteRequestError {
  if (error instanceof RemoteRequestError) return error

  const message = error instanceof Error ? error.message : String(error)
  return new RemoteRequestError('network', `${url.host}: ${message}`, { url: url.href, cause: error })
}
