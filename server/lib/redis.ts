import { Redis } from 'ioredis'
import { redisConnection } from '../initializers/services.js'

let client: Redis | undefined

/** The instance's general-purpose Redis client (view counters, caches). Bull has its own connections. */
export function redis () {
  if (!client) {
    const conn = redisConnection()
    client = new Redis({ path: conn.path, host: conn.host, port: conn.port, password: conn.password, db: conn.db, keyPrefix: 'tubeless:' })
  }
  return client
}

export function closeRedis () {
  client?.disconnect()
  client = undefined
}
