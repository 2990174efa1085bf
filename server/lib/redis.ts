import { Redis } from 'ioredis'
import { RedisUnavailableError } from '../helpers/outage-errors.js'
import { redisConnection } from '../initializers/services.js'
import { redisHealth } from './redis-health.js'

let client: Redis | undefined

/**
 * The instance's general-purpose Redis client (view counters, file tokens, upload locks). Bull has its own
 * connections. While Redis is down, commands fail at once (no offline queue), so a request needing Redis is
 * answered 503 instead of hanging until it returns.
 */
export function redis () {
  if (!client) {
    const conn = redisConnection()
    client = new Redis({
      path: conn.path,
      host: conn.host,
      port: conn.port,
      password: conn.password,
      db: conn.db,
      keyPrefix: 'tubeless:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: attempt => Math.min(attempt * 200, 2000)
    })
    redisHealth.watch(client)
  }
  return client
}

/** Connects at start-up, so the first requests do not find the client still connecting. */
export async function connectRedis () {
  const c = redis()
  if (c.status === 'ready') return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RedisUnavailableError('Redis did not answer within 20 s')), 20_000)
    c.once('ready', () => { clearTimeout(timer); resolve() })
  })
}

export function closeRedis () {
  client?.disconnect()
  client = undefined
}
