import { randomBytes } from 'node:crypto'
import { redis } from '../redis.js'

/** Short-lived tokens that let a <video> element (which cannot send headers) fetch a private video's files. */
const TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000

export async function createVideoFileToken (userId: number, videoUuid: string) {
  const token = randomBytes(24).toString('hex')
  await redis().set(`video-file-token:${token}`, JSON.stringify({ userId, videoUuid }), 'PX', TOKEN_LIFETIME_MS)
  return { token, expires: new Date(Date.now() + TOKEN_LIFETIME_MS) }
}

export async function resolveVideoFileToken (token: string) {
  if (!/^[a-f0-9]{48}$/.test(token)) return undefined
  const raw = await redis().get(`video-file-token:${token}`)
  return raw ? JSON.parse(raw) as { userId: number, videoUuid: string } : undefined
}
