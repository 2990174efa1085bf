import { createHash } from 'node:crypto'
import { getDraftSignatureHeader, parseSignatureHeader, verifyDraftSignature } from './http-signature-draft.js'
import type { HttpSignatureScheme, HttpSignatureVerification } from './http-signature-result.js'
import { hasRfc9421Signature, parseRfc9421Signature, verifyRfc9421Signature } from './http-signature-rfc9421.js'
import { keyIdToActorUrl } from './key-id.js'
import type { RequestHeaders } from './request-headers.js'

export interface IncomingRequestToVerify {
  /** As received (Express: req.method). */
  method: string
  /** Path with query string, as in the request line (Express: req.originalUrl). */
  path: string
  /** Express/Node: req.headers. */
  headers: RequestHeaders
  /** Exact body bytes as received, before JSON parsing; null/empty for GET. */
  rawBody?: Uint8Array | null
  /** The signer's key, fetched by the caller from the actor named by getSignatureKeyId(). */
  publicKeyPem: string
  /** Defaults to PeerTube's 30 minutes. */
  maxSkewMs?: number
  /** For tests; defaults to now. */
  now?: Date | number
  /**
   * RFC 9421 only: scheme the request reached us with (for `@target-uri`). When unknown (TLS ended at a proxy),
   * https then http are tried.
   */
  scheme?: 'http' | 'https'
}

/**
 * Checks the HTTP signature of an incoming request, RFC 9421 when a Signature-Input header is present,
 * draft-cavage otherwise. Any failure should be answered with 401: that is what makes Fedify retry with
 * draft-cavage.
 */
export function verifyIncomingRequest (request: IncomingRequestToVerify): Promise<HttpSignatureVerification> {
  if (hasRfc9421Signature(request.headers)) return verifyRfc9421Signature(request)
  return verifyDraftSignature(request)
}

export interface SignatureKeyReference {
  scheme: HttpSignatureScheme
  keyId: string
  /** The actor to fetch for the public key (keyId without fragment). */
  actorUrl: string
}

/**
 * Which key signed the request, read without checking anything, so the caller can fetch the actor's key
 * before verifyIncomingRequest(). Null when there is no usable signature (answer 401).
 */
export function getSignatureKeyId (headers: RequestHeaders): SignatureKeyReference | null {
  let scheme: HttpSignatureScheme
  let keyId: string

  if (hasRfc9421Signature(headers)) {
    const parsed = parseRfc9421Signature(headers)
    if (!parsed.ok) return null
    scheme = 'rfc9421'
    keyId = parsed.signature.keyId
  } else {
    const header = getDraftSignatureHeader(headers)
    const parsed = header ? parseSignatureHeader(header) : null
    if (!parsed) return null
    scheme = 'draft-cavage'
    keyId = parsed.keyId
  }

  const actorUrl = keyIdToActorUrl(keyId)
  if (!actorUrl) return null
  return { scheme, keyId, actorUrl }
}

/**
 * A fingerprint of the request's signature (draft-cavage `Signature`/`Authorization`, RFC 9421 `Signature` and
 * `Signature-Input`). Signatures cover the Date, so a resent activity is signed anew: equal fingerprints mean
 * the very same request, replayed.
 */
export function signatureFingerprint (headers: RequestHeaders) {
  const hash = createHash('sha256')
  for (const name of [ 'signature', 'signature-input', 'authorization' ]) {
    const value = headers[name]
    hash.update(`${name}:${Array.isArray(value) ? value.join(',') : value ?? ''}\n`)
  }
  return hash.digest('hex')
}
