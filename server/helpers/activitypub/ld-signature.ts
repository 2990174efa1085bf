/**
 * Linked Data signatures, `RsaSignature2017`, the way Mastodon and PeerTube compute them:
 *   optionsHash  = sha256hex(URDNA2015({ '@context': identity/v1, creator, created }))
 *   documentHash = sha256hex(URDNA2015(document without `signature`))
 *   signatureValue = base64(RSASSA-PKCS1-v1_5-SHA256(optionsHash + documentHash))
 * PeerTube 6.x canonicalizes the options with security/v1 instead of identity/v1; both define `creator` and
 * `created` identically, so the N-Quads (and hashes) are the same.
 *
 * Only what the document's contexts map into the RDF graph is signed: a term no context defines can be
 * changed by whoever forwards the document. verifyLdSignature() lists such terms in `dropped`.
 */
import { LD_SIGNATURE } from '../../initializers/constants/activitypub.js'
import { sha256Hex } from '../crypto/hash.js'
import { rsaSign, rsaVerify } from '../crypto/rsa-signatures.js'
import { canonicalizeJsonLd, JsonLdCanonicalizationError } from './jsonld-canonicalize.js'
import { keyIdToActorUrl } from './key-id.js'

export interface LdSignature {
  type: 'RsaSignature2017'
  creator: string
  /** ISO 8601. */
  created: string
  signatureValue: string
}

export type JsonObject = Record<string, unknown>

export interface SignLdDocumentOptions {
  privateKeyPem: string
  /** PeerTube puts the actor URL here, Mastodon `<actor>#main-key`. */
  creator: string
  /** Defaults to now. */
  created?: Date
  /**
   * Canonicalize in strict mode, like PeerTube (default): a document with terms its contexts do not define
   * throws, since PeerTube would refuse it when forwarded. false signs what maps and leaves the rest unsigned.
   */
  strict?: boolean
}

/** Returns a copy of `document` (which must carry its `@context`) with a `signature` member. */
export async function signLdDocument<T extends JsonObject> (
  document: T,
  options: SignLdDocumentOptions
): Promise<Omit<T, 'signature'> & { signature: LdSignature }> {
  const { signature: _ignored, ...unsigned } = document
  const created = (options.created ?? new Date()).toISOString()

  const [ optionsHash, documentHash ] = await Promise.all([
    hashCanonical(signatureOptionsDocument(options.creator, created), true),
    hashCanonical(unsigned, options.strict ?? true)
  ])

  const signatureValue = await rsaSign(optionsHash + documentHash, options.privateKeyPem)

  return {
    ...unsigned,
    signature: { type: LD_SIGNATURE.TYPE, creator: options.creator, created, signatureValue }
  }
}

// ---------------------------------------------------------------------------

export type LdSignatureFailureReason =
  | 'missing-signature'
  | 'unsupported-signature-type'
  /** signature lacks creator, created or signatureValue, or they are not strings. */
  | 'malformed-signature'
  /** The document references a JSON-LD context we do not hold locally. */
  | 'unknown-context'
  | 'canonicalization-failed'
  | 'bad-signature'

export type LdSignatureVerification =
  | {
    ok: true
    creator: string
    /** creator without fragment: compare with the activity's actor. Null if creator is not an http(s) URL. */
    creatorActorUrl: string | null
    created: string
    /** Parts of the document the processor dropped, hence not covered by the signature. */
    dropped: string[]
  }
  | { ok: false, reason: LdSignatureFailureReason, detail: string }

export async function verifyLdSignature (document: unknown, publicKeyPem: string): Promise<LdSignatureVerification> {
  if (!isJsonObject(document) || !isJsonObject(document.signature)) {
    return { ok: false, reason: 'missing-signature', detail: 'No signature object' }
  }

  const { signature, ...unsigned } = document
  if (signature.type !== LD_SIGNATURE.TYPE) {
    return { ok: false, reason: 'unsupported-signature-type', detail: `Signature type ${String(signature.type)}` }
  }

  const { creator, created, signatureValue } = signature
  if (typeof creator !== 'string' || typeof created !== 'string' || typeof signatureValue !== 'string') {
    return { ok: false, reason: 'malformed-signature', detail: 'creator, created and signatureValue must be strings' }
  }

  // The options document is every signature member but type, id and signatureValue, in our context (as
  // Mastodon does: a signer-chosen context would be refused by the loader or mean the same anyway).
  const { type: _type, id: _id, signatureValue: _value, '@context': _context, ...signatureOptions } = signature

  let optionsHash: string
  let documentHash: string
  let dropped: string[]
  try {
    const [ options, body ] = await Promise.all([
      canonicalizeJsonLd({ ...signatureOptions, '@context': LD_SIGNATURE.OPTIONS_CONTEXT }, { strict: false }),
      canonicalizeJsonLd(unsigned, { strict: false })
    ])
    optionsHash = sha256Hex(options.nquads)
    documentHash = sha256Hex(body.nquads)
    dropped = body.dropped
  } catch (err) {
    if (err instanceof JsonLdCanonicalizationError && err.unknownContext) {
      return { ok: false, reason: 'unknown-context', detail: err.message }
    }
    return { ok: false, reason: 'canonicalization-failed', detail: (err as Error).message }
  }

  const valid = await rsaVerify(optionsHash + documentHash, Buffer.from(signatureValue, 'base64'), publicKeyPem)
  if (!valid) return { ok: false, reason: 'bad-signature', detail: 'Signature does not match' }

  return { ok: true, creator, creatorActorUrl: keyIdToActorUrl(creator), created, dropped }
}

// ---------------------------------------------------------------------------

function signatureOptionsDocument (creator: string, created: string): JsonObject {
  return { '@context': LD_SIGNATURE.OPTIONS_CONTEXT, creator, created }
}

async function hashCanonical (document: unknown, strict: boolean): Promise<string> {
  const { nquads } = await canonicalizeJsonLd(document, { strict })
  return sha256Hex(nquads)
}

function isJsonObject (value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
