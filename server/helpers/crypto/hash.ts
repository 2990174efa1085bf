import { createHash, timingSafeEqual } from 'node:crypto'

export type BinaryLike = string | Uint8Array

export function sha256 (data: BinaryLike): Buffer {
  return createHash('sha256').update(data).digest()
}

export function sha256Hex (data: BinaryLike): string {
  return createHash('sha256').update(data).digest('hex')
}

export function sha256Base64 (data: BinaryLike): string {
  return createHash('sha256').update(data).digest('base64')
}

export function sha512 (data: BinaryLike): Buffer {
  return createHash('sha512').update(data).digest()
}

/** Constant-time comparison that also accepts buffers of different lengths (returning false). */
export function bytesEqual (a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  return timingSafeEqual(a, b)
}
