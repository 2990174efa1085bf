import { bytesEqual, sha256, sha512 } from '../crypto/hash.js'
import { parseDictionary } from './structured-fields.js'

const HASHES: Record<string, (body: Uint8Array) => Buffer> = {
  'sha-256': sha256,
  'sha-512': sha512
}

/** `Digest` header value of draft-cavage signatures (RFC 3230 style). */
export function buildDigestHeader (body: string | Uint8Array): string {
  return 'SHA-256=' + sha256(body).toString('base64')
}

/** `Content-Digest` header value (RFC 9530). */
export function buildContentDigestHeader (body: string | Uint8Array): string {
  return 'sha-256=:' + sha256(body).toString('base64') + ':'
}

export type DigestCheck = 'match' | 'mismatch' | 'unsupported'

/**
 * Checks an RFC 3230 `Digest` header (`SHA-256=<base64>`, possibly several comma-separated algorithms).
 * Every algorithm we know must match; 'unsupported' when none is one we know.
 */
export function checkDigestHeader (headerValue: string, body: Uint8Array): DigestCheck {
  let known = 0

  for (const part of headerValue.split(',')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue

    const hash = HASHES[part.slice(0, eq).trim().toLowerCase()]
    if (!hash) continue
    known++

    const claimed = Buffer.from(part.slice(eq + 1).trim(), 'base64')
    if (!bytesEqual(claimed, hash(body))) return 'mismatch'
  }

  return known === 0 ? 'unsupported' : 'match'
}

/** Same for an RFC 9530 `Content-Digest` dictionary (`sha-256=:<base64>:`). Malformed counts as mismatch. */
export function checkContentDigestHeader (headerValue: string, body: Uint8Array): DigestCheck {
  let dictionary
  try {
    dictionary = parseDictionary(headerValue)
  } catch {
    return 'mismatch'
  }

  let known = 0
  for (const [ algorithm, member ] of dictionary) {
    const hash = HASHES[algorithm]
    if (!hash) continue
    known++

    if (member.kind !== 'item' || !(member.value instanceof Uint8Array)) return 'mismatch'
    if (!bytesEqual(member.value, hash(body))) return 'mismatch'
  }

  return known === 0 ? 'unsupported' : 'match'
}
