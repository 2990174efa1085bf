/**
 * RFC 9421 HTTP Message Signatures, verification side, as far as fediverse peers use it: Fedify signs first
 * with `rsa-v1_5-sha256` over `@method @target-uri @authority host date content-digest` and a `created`
 * parameter, and falls back to draft-cavage after a 401. Anything beyond that (component parameters, other
 * key types) is answered with 'rfc9421-unsupported' / 'unsupported-algorithm', which the inbox turns into a
 * 401 so the sender retries with draft-cavage.
 */
import { HTTP_SIGNATURE } from '../../initializers/constants/activitypub.js'
import { rsaVerify, type RsaHash } from '../crypto/rsa-signatures.js'
import { checkContentDigestHeader, checkDigestHeader } from './digest.js'
import { bodyIsExpected } from './http-signature-draft.js'
import { verificationFailure, type HttpSignatureVerification } from './http-signature-result.js'
import { keyIdToActorUrl } from './key-id.js'
import { getHeaderValue, type RequestHeaders } from './request-headers.js'
import {
  parseDictionary,
  serializeInnerList,
  type SfDictionaryMember,
  type SfInnerList,
  type SfParameters
} from './structured-fields.js'
import type { IncomingRequestToVerify } from './verify-incoming-request.js'

export interface Rfc9421Signature {
  label: string
  /** Covered component identifiers in order (lowercase header names or derived `@...` names). */
  components: string[]
  keyId: string
  alg?: string
  created?: number
  expires?: number
  /** Exactly what the `"@signature-params"` line of the signature base carries. */
  signatureParams: string
  signature: Uint8Array
}

export function hasRfc9421Signature (headers: RequestHeaders): boolean {
  return getHeaderValue(headers, 'signature-input') !== undefined
}

type ParseResult =
  | { ok: true, signature: Rfc9421Signature }
  | { ok: false, reason: 'missing-signature' | 'malformed-signature' | 'rfc9421-unsupported', detail: string }

/**
 * The signature we check: the first `Signature-Input` member that names a keyid and has a matching
 * `Signature` member. Fedify sends one (`sig1`).
 */
export function parseRfc9421Signature (headers: RequestHeaders): ParseResult {
  const inputHeader = getHeaderValue(headers, 'signature-input')
  const signatureHeader = getHeaderValue(headers, 'signature')
  if (!inputHeader || !signatureHeader) {
    return { ok: false, reason: 'missing-signature', detail: 'Signature-Input needs a Signature header' }
  }

  let inputs: Map<string, SfDictionaryMember>
  let signatures: Map<string, SfDictionaryMember>
  try {
    inputs = parseDictionary(inputHeader)
    signatures = parseDictionary(signatureHeader)
  } catch (err) {
    return { ok: false, reason: 'malformed-signature', detail: `Cannot parse signature headers: ${(err as Error).message}` }
  }

  for (const [ label, member ] of inputs) {
    if (member.kind !== 'inner-list') continue
    const keyId = member.params.get('keyid')
    if (typeof keyId !== 'string') continue

    const signatureMember = signatures.get(label)
    if (!signatureMember || signatureMember.kind !== 'item' || !(signatureMember.value instanceof Uint8Array)) {
      return { ok: false, reason: 'malformed-signature', detail: `No byte sequence for signature ${label}` }
    }

    const components: string[] = []
    for (const item of member.items) {
      if (typeof item.value !== 'string') return { ok: false, reason: 'malformed-signature', detail: 'Component names must be strings' }
      // ;sf ;key ;bs ;req ;name change how a component is derived; Fedify uses none of them.
      if (item.params.size !== 0) return { ok: false, reason: 'rfc9421-unsupported', detail: `Component parameters on ${item.value}` }
      components.push(item.value)
    }

    const created = integerParam(member.params, 'created')
    const expires = integerParam(member.params, 'expires')
    if (created === null || expires === null) {
      return { ok: false, reason: 'malformed-signature', detail: 'created / expires must be integers' }
    }

    const alg = member.params.get('alg')

    return {
      ok: true,
      signature: {
        label,
        components,
        keyId,
        alg: typeof alg === 'string' ? alg : undefined,
        created,
        expires,
        signatureParams: serializeInnerList(member as SfInnerList),
        signature: signatureMember.value
      }
    }
  }

  return { ok: false, reason: 'malformed-signature', detail: 'No Signature-Input member carries a keyid' }
}

function integerParam (params: SfParameters, name: string): number | undefined | null {
  const value = params.get(name)
  if (value === undefined) return undefined
  return typeof value === 'number' ? value : null
}

// ---------------------------------------------------------------------------

const ALGORITHM_HASHES: Record<string, RsaHash> = {
  'rsa-v1_5-sha256': 'sha256',
  'rsa-v1_5-sha512': 'sha512'
}

export async function verifyRfc9421Signature (request: IncomingRequestToVerify): Promise<HttpSignatureVerification> {
  const parsed = parseRfc9421Signature(request.headers)
  if (!parsed.ok) return verificationFailure(parsed.reason, parsed.detail, { scheme: 'rfc9421' })

  const signature = parsed.signature
  const context = { scheme: 'rfc9421' as const, keyId: signature.keyId }
  const covered = signature.components

  const actorUrl = keyIdToActorUrl(signature.keyId)
  if (!actorUrl) return verificationFailure('malformed-signature', 'keyid is not an http(s) URL', context)

  // Without alg the key decides; our keys are RSA and PKCS#1 v1.5 SHA-256 is what RSA peers use.
  const hash = ALGORITHM_HASHES[signature.alg ?? HTTP_SIGNATURE.RFC9421_ALGORITHM]
  if (!hash) return verificationFailure('unsupported-algorithm', `Algorithm ${signature.alg} is not supported`, context)

  const policy = checkCoveragePolicy(request, signature)
  if (policy) return verificationFailure(policy.reason, policy.detail, context)

  const freshness = checkFreshness(request, signature)
  if (freshness) return verificationFailure(freshness.reason, freshness.detail, context)

  const body = request.rawBody ?? new Uint8Array()
  for (const [ name, check ] of [ [ 'content-digest', checkContentDigestHeader ], [ 'digest', checkDigestHeader ] ] as const) {
    if (!covered.includes(name)) continue

    const value = getHeaderValue(request.headers, name)
    if (!value) return verificationFailure('missing-header', `Covered header ${name} is absent`, context)
    const result = check(value, body)
    if (result !== 'match') return verificationFailure('bad-digest', `${name} ${result}`, context)
  }

  // The target URI includes the scheme, which a server behind a TLS-terminating proxy may not know.
  const needsScheme = covered.includes('@target-uri') || covered.includes('@scheme')
  const schemes = request.scheme ? [ request.scheme ] : needsScheme ? [ 'https', 'http' ] as const : [ 'https' ] as const

  for (const scheme of schemes) {
    const base = buildSignatureBase(request, signature, scheme)
    if (typeof base !== 'string') return verificationFailure(base.reason, base.detail, context)

    if (await rsaVerify(base, signature.signature, request.publicKeyPem, hash)) {
      return { ok: true, scheme: 'rfc9421', keyId: signature.keyId, actorUrl, covered }
    }
  }

  return verificationFailure('bad-signature', 'Signature does not match', context)
}

function checkCoveragePolicy (
  request: IncomingRequestToVerify,
  signature: Rfc9421Signature
): { reason: 'missing-covered-header', detail: string } | undefined {
  const covered = new Set(signature.components)
  const missing: string[] = []

  if (!covered.has('@method')) missing.push('@method')

  const bindsTarget = covered.has('@target-uri') ||
    ((covered.has('@authority') || covered.has('host')) && (covered.has('@path') || covered.has('@request-target')))
  if (!bindsTarget) missing.push('@target-uri (or @authority and @path)')

  if (signature.created === undefined && !covered.has('date')) missing.push('created parameter or date')

  if (bodyIsExpected(request.method, request.rawBody) && !covered.has('content-digest') && !covered.has('digest')) {
    missing.push('content-digest')
  }

  if (missing.length === 0) return undefined
  return { reason: 'missing-covered-header', detail: `The signature must cover ${missing.join(', ')}` }
}

function checkFreshness (
  request: IncomingRequestToVerify,
  signature: Rfc9421Signature
): { reason: 'stale-date' | 'missing-header', detail: string } | undefined {
  const now = request.now === undefined ? Date.now() : +request.now
  const maxSkewMs = request.maxSkewMs ?? HTTP_SIGNATURE.CLOCK_SKEW_MS

  if (signature.created !== undefined && Math.abs(now - signature.created * 1000) > maxSkewMs) {
    return { reason: 'stale-date', detail: 'created is too far from our clock' }
  }
  if (signature.expires !== undefined && signature.expires * 1000 < now - maxSkewMs) {
    return { reason: 'stale-date', detail: 'Signature expired' }
  }

  if (signature.components.includes('date')) {
    const dateHeader = getHeaderValue(request.headers, 'date')
    if (!dateHeader) return { reason: 'missing-header', detail: 'No Date header' }

    const date = Date.parse(dateHeader)
    if (Number.isNaN(date) || Math.abs(now - date) > maxSkewMs) return { reason: 'stale-date', detail: 'Date is too far from our clock' }
  }

  return undefined
}

type BaseFailure = { reason: 'missing-header' | 'malformed-signature' | 'rfc9421-unsupported', detail: string }

/** RFC 9421 §2.5: one `"name": value` line per component, then the `"@signature-params"` line. */
function buildSignatureBase (
  request: IncomingRequestToVerify,
  signature: Rfc9421Signature,
  scheme: 'http' | 'https'
): string | BaseFailure {
  const lines: string[] = []

  for (const name of signature.components) {
    const value = componentValue(request, name, scheme)
    if (typeof value !== 'string') return value
    lines.push(`"${name}": ${value}`)
  }

  lines.push(`"@signature-params": ${signature.signatureParams}`)
  return lines.join('\n')
}

function componentValue (request: IncomingRequestToVerify, name: string, scheme: 'http' | 'https'): string | BaseFailure {
  if (!name.startsWith('@')) {
    if (name !== name.toLowerCase()) return { reason: 'malformed-signature', detail: `Component ${name} must be lowercase` }

    const value = getHeaderValue(request.headers, name)
    if (value === undefined) return { reason: 'missing-header', detail: `Covered header ${name} is absent` }
    return value
  }

  const queryStart = request.path.indexOf('?')
  const pathOnly = queryStart === -1 ? request.path : request.path.slice(0, queryStart)
  const query = queryStart === -1 ? '' : request.path.slice(queryStart + 1)

  const authority = getHeaderValue(request.headers, 'host')?.toLowerCase()
  if ((name === '@authority' || name === '@target-uri') && !authority) {
    return { reason: 'missing-header', detail: 'No Host header for ' + name }
  }

  switch (name) {
    case '@method': return request.method
    case '@authority': return authority!
    case '@scheme': return scheme
    case '@target-uri': return `${scheme}://${authority}${request.path}`
    case '@request-target': return request.path
    case '@path': return pathOnly === '' ? '/' : pathOnly
    case '@query': return '?' + query
    case '@status': return { reason: 'malformed-signature', detail: '@status only exists on responses' }
    default: return { reason: 'rfc9421-unsupported', detail: `Derived component ${name}` }
  }
}
