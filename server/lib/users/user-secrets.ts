import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { redis } from '../redis.js'

/** Links sent by e-mail: one live secret per kind and subject (user or registration). */
export type UserSecretKind = 'reset-password' | 'verify-email' | 'verify-registration-email'

const key = (kind: UserSecretKind, subjectId: number) => `user-secret:${kind}:${subjectId}`
const digest = (secret: string) => createHash('sha256').update(secret).digest()

/**
 * A fresh random secret for a link, replacing any earlier one of the same kind. Only its hash is kept (a Redis dump
 * reveals no usable link), and it expires after `lifetimeMs`.
 */
export async function createUserSecret (kind: UserSecretKind, subjectId: number, lifetimeMs: number) {
  const secret = randomBytes(32).toString('hex')
  await redis().set(key(kind, subjectId), digest(secret).toString('hex'), 'PX', lifetimeMs)
  return secret
}

/**
 * True once for a valid secret: it is forgotten as it is used, and of two concurrent uses with the same secret
 * only one succeeds. A wrong secret leaves the real one usable.
 */
export async function consumeUserSecret (kind: UserSecretKind, subjectId: number, secret: string) {
  const stored = await redis().get(key(kind, subjectId))
  if (!stored || typeof secret !== 'string' || secret.length === 0) return false

  const expected = Buffer.from(stored, 'hex')
  const given = digest(secret)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false

  return (await redis().del(key(kind, subjectId))) === 1
}
