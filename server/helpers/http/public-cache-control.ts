import type { Response } from 'express'

/**
 * Cache-Control of an answer that is the same for everyone (feeds, sitemap): cacheable for `maxAgeSeconds`, except
 * when the request carried credentials, which no cache keeps (the rule of authenticated API answers).
 */
export function setPublicCacheControl (res: Response, maxAgeSeconds: number) {
  res.set('Cache-Control', res.req.headers.authorization ? 'private, no-store' : `public, max-age=${maxAgeSeconds}`)
}
