export type HttpSignatureScheme = 'draft-cavage' | 'rfc9421'

export type HttpSignatureFailureReason =
  /** No Signature header (nor Authorization: Signature, nor Signature-Input). */
  | 'missing-signature'
  /** Signature / Signature-Input headers that cannot be parsed, or lack keyId or signature. */
  | 'malformed-signature'
  | 'unsupported-algorithm'
  /** A header our policy requires to be signed ((request-target), host, date, digest...) is not in the covered list. */
  | 'missing-covered-header'
  /** A covered header is absent from the request. */
  | 'missing-header'
  /** Digest / Content-Digest does not match the raw body, or uses no algorithm we know. */
  | 'bad-digest'
  /** Date (or created/expires) further from our clock than allowed. */
  | 'stale-date'
  | 'bad-signature'
  /** An RFC 9421 feature we do not implement: answer 401 so the sender falls back to draft-cavage. */
  | 'rfc9421-unsupported'

export type HttpSignatureVerification =
  | {
    ok: true
    scheme: HttpSignatureScheme
    keyId: string
    /** keyId without its fragment: the actor whose key signed. */
    actorUrl: string
    /** Lowercase names of what the signature covers, in signing order. */
    covered: string[]
  }
  | {
    ok: false
    reason: HttpSignatureFailureReason
    /** Human-readable, safe to log; never contains key material. */
    detail: string
    scheme?: HttpSignatureScheme
    keyId?: string
  }

export function verificationFailure (
  reason: HttpSignatureFailureReason,
  detail: string,
  extra: { scheme?: HttpSignatureScheme, keyId?: string } = {}
): HttpSignatureVerification {
  return { ok: false, reason, detail, ...extra }
}
