/**
 * draft-cavage-http-signatures (the `Signature` header PeerTube and Mastodon use).
 *
 * Implemented on node:crypto rather than the `http-signature` package: its signer writes into a live
 * http.ClientRequest and its parser needs an http.ServerRequest-like object, rejects whitespace after commas
 * (some peers send it), folds clock-skew checks into parsing and reports failures as thrown error classes; the
 * inbox needs a pure function over (method, path, headers, raw body, key) that returns a typed reason. The
 * package stays as an independent implementation in the tests, which check both directions against it.
 */
import { HTTP_SIGNATURE } from '../../initializers/constants/activitypub.js'
import { rsaSign, rsaVerify, type RsaHash } from '../crypto/rsa-signatures.js'
import { buildDigestHeader, checkDigestHeader } from './digest.js'
import { verificationFailure, type HttpSignatureVerification } from './http-signature-result.js'
import { keyIdToActorUrl } from './key-id.js'
import { getHeaderValue, type RequestHeaders } from './request-headers.js'
import type { IncomingRequestToVerify } from './verify-incoming-request.js'

// ---------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------

export interface SignRequestOptions {
  method: string
  url: string | URL
  /** Exact bytes that will be sent; a Digest header is added (and covered) when present. */
  body?: string | Uint8Array | null
  privateKeyPem: string
  /** PeerTube sends the actor URL; `<actor>#main-key` works as well with every peer we know. */
  keyId: string
  /** Further headers the request will carry that must be signed too (e.g. content-type). */
  headers?: Record<string, string>
  /** Defaults to now. */
  date?: Date
}

/** Headers to add to the request: Date, Host, Digest (with a body) and Signature. */
export async function signRequest (options: SignRequestOptions): Promise<Record<string, string>> {
  const url = typeof options.url === 'string' ? new URL(options.url) : options.url
  const hasBody = options.body !== undefined && options.body !== null

  const added: Record<string, string> = {
    Date: (options.date ?? new Date()).toUTCString(),
    Host: url.host
  }
  if (hasBody) added.Digest = buildDigestHeader(options.body!)

  const values: RequestHeaders = {}
  for (const [ name, value ] of Object.entries({ ...options.headers, ...added })) values[name.toLowerCase()] = value

  const base = hasBody ? HTTP_SIGNATURE.HEADERS_WITH_BODY : HTTP_SIGNATURE.HEADERS_WITHOUT_BODY
  const extra = Object.keys(options.headers ?? {})
    .map(h => h.toLowerCase())
    .filter(h => !base.includes(h) && h !== 'signature')
  const covered = [ ...base, ...extra ]

  const signingString = buildSigningString({
    method: options.method,
    path: url.pathname + url.search,
    headers: values,
    covered,
    params: {}
  })
  if (typeof signingString !== 'string') throw new Error(`Cannot sign: no value for ${signingString.missing}`)

  const signature = await rsaSign(signingString, options.privateKeyPem)

  added.Signature = [
    `keyId="${options.keyId}"`,
    `algorithm="${HTTP_SIGNATURE.ALGORITHM}"`,
    `headers="${covered.join(' ')}"`,
    `signature="${signature}"`
  ].join(',')

  return added
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export interface ParsedSignatureHeader {
  keyId: string
  /** As sent (lowercased); undefined when the peer left it out. */
  algorithm?: string
  /** Lowercase covered names; `date` when the peer sent no list (the draft's default). */
  headers: string[]
  /** Base64 as sent. */
  signature: string
  created?: number
  expires?: number
}

const PARAM = /\s*([A-Za-z]+)\s*=\s*(?:"([^"]*)"|(\d+))\s*(?:,|$)/y

/**
 * Parses a `Signature` header value (an `Authorization: Signature ...` value is accepted too).
 * Null when it is malformed or lacks keyId or signature.
 */
export function parseSignatureHeader (value: string): ParsedSignatureHeader | null {
  let input = value.trim()
  if (/^signature\s/i.test(input)) input = input.slice('signature'.length).trim()

  const params = new Map<string, string>()
  PARAM.lastIndex = 0
  while (PARAM.lastIndex < input.length) {
    const start = PARAM.lastIndex
    const match = PARAM.exec(input)
    if (!match || match.index !== start) return null
    params.set(match[1].toLowerCase(), match[2] ?? match[3])
  }

  const keyId = params.get('keyid')
  const signature = params.get('signature')
  if (!keyId || !signature) return null

  const headers = (params.get('headers') ?? 'date').trim().toLowerCase().split(/\s+/).filter(h => h !== '')
  if (headers.length === 0) return null

  const created = params.has('created') ? Number(params.get('created')) : undefined
  const expires = params.has('expires') ? Number(params.get('expires')) : undefined
  if (Number.isNaN(created) || Number.isNaN(expires)) return null

  return {
    keyId,
    algorithm: params.get('algorithm')?.toLowerCase(),
    headers,
    signature,
    created,
    expires
  }
}

/** The draft-cavage signature header of a request: `Signature`, else `Authorization: Signature ...`. */
export function getDraftSignatureHeader (headers: RequestHeaders): string | undefined {
  const signature = getHeaderValue(headers, 'signature')
  if (signature) return signature

  const authorization = getHeaderValue(headers, 'authorization')
  if (authorization && /^signature\s/i.test(authorization)) return authorization
  return undefined
}

// ---------------------------------------------------------------------------
// Verifying
// ---------------------------------------------------------------------------

/** Algorithms whose RSA hash we know. `hs2019` means "look at the key": with RSA keys peers use SHA-256. */
const ALGORITHM_HASHES: Record<string, RsaHash> = {
  'rsa-sha256': 'sha256',
  hs2019: 'sha256',
  'rsa-sha512': 'sha512'
}

export function bodyIsExpected (method: string, rawBody: Uint8Array | null | undefined): boolean {
  if (rawBody && rawBody.length !== 0) return true
  return [ 'POST', 'PUT', 'PATCH' ].includes(method.toUpperCase())
}

export async function verifyDraftSignature (request: IncomingRequestToVerify): Promise<HttpSignatureVerification> {
  const headerValue = getDraftSignatureHeader(request.headers)
  if (!headerValue) return verificationFailure('missing-signature', 'No Signature header')

  const parsed = parseSignatureHeader(headerValue)
  if (!parsed) return verificationFailure('malformed-signature', 'Cannot parse the Signature header', { scheme: 'draft-cavage' })

  const context = { scheme: 'draft-cavage' as const, keyId: parsed.keyId }

  const actorUrl = keyIdToActorUrl(parsed.keyId)
  if (!actorUrl) return verificationFailure('malformed-signature', 'keyId is not an http(s) URL', context)

  const hash = ALGORITHM_HASHES[parsed.algorithm ?? 'hs2019']
  if (!hash) return verificationFailure('unsupported-algorithm', `Algorithm ${parsed.algorithm} is not supported`, context)

  const hasBody = bodyIsExpected(request.method, request.rawBody)
  const required = hasBody ? HTTP_SIGNATURE.HEADERS_WITH_BODY : HTTP_SIGNATURE.HEADERS_WITHOUT_BODY
  const uncovered = required.filter(h => !parsed.headers.includes(h))
  if (uncovered.length !== 0) {
    return verificationFailure('missing-covered-header', `The signature must cover ${uncovered.join(', ')}`, context)
  }

  const freshness = checkFreshness(request, parsed)
  if (freshness) return verificationFailure(freshness.reason, freshness.detail, context)

  const digestHeader = getHeaderValue(request.headers, 'digest')
  if (hasBody || parsed.headers.includes('digest')) {
    if (!digestHeader) return verificationFailure('missing-header', 'No Digest header', context)

    const digest = checkDigestHeader(digestHeader, request.rawBody ?? new Uint8Array())
    if (digest !== 'match') return verificationFailure('bad-digest', `Digest ${digest}`, context)
  }

  const signingString = buildSigningString({
    method: request.method,
    path: request.path,
    headers: request.headers,
    covered: parsed.headers,
    params: parsed
  })
  if (typeof signingString !== 'string') {
    return verificationFailure('missing-header', `Covered header ${signingString.missing} is absent`, context)
  }

  const valid = await rsaVerify(signingString, Buffer.from(parsed.signature, 'base64'), request.publicKeyPem, hash)
  if (!valid) return verificationFailure('bad-signature', 'Signature does not match', context)

  return { ok: true, scheme: 'draft-cavage', keyId: parsed.keyId, actorUrl, covered: parsed.headers }
}

function checkFreshness (
  request: IncomingRequestToVerify,
  parsed: ParsedSignatureHeader
): { reason: 'stale-date' | 'missing-header', detail: string } | undefined {
  const now = request.now === undefined ? Date.now() : +request.now
  const maxSkewMs = request.maxSkewMs ?? HTTP_SIGNATURE.CLOCK_SKEW_MS

  const dateHeader = getHeaderValue(request.headers, 'date')
  if (!dateHeader) return { reason: 'missing-header', detail: 'No Date header' }

  const date = Date.parse(dateHeader)
  if (Number.isNaN(date)) return { reason: 'stale-date', detail: 'Unparsable Date header' }
  if (Math.abs(now - date) > maxSkewMs) return { reason: 'stale-date', detail: `Date is ${Math.round((now - date) / 1000)} s away from our clock` }

  if (parsed.created !== undefined && parsed.created * 1000 > now + maxSkewMs) {
    return { reason: 'stale-date', detail: 'created is in the future' }
  }
  if (parsed.expires !== undefined && parsed.expires * 1000 < now - maxSkewMs) {
    return { reason: 'stale-date', detail: 'Signature expired' }
  }

  return undefined
}

// ---------------------------------------------------------------------------

interface SigningStringInput {
  method: string
  /** Path with query, as in the request line. */
  path: string
  headers: RequestHeaders
  covered: readonly string[]
  params: { created?: number, expires?: number }
}

function buildSigningString (input: SigningStringInput): string | { missing: string } {
  const lines: string[] = []

  for (const name of input.covered) {
    let value: string | undefined

    if (name === '(request-target)') value = `${input.method.toLowerCase()} ${input.path}`
    else if (name === '(created)') value = input.params.created?.toString()
    else if (name === '(expires)') value = input.params.expires?.toString()
    else value = getHeaderValue(input.headers, name)

    if (value === undefined) return { missing: name }
    lines.push(`${name}: ${value}`)
  }

  return lines.join('\n')
}
