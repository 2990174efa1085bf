import { join } from 'node:path'
import { fromRoot } from '../helpers/project-root.js'
import { CONFIG, databaseName, isTestInstance } from './config/index.js'
import { EmbeddedPostgres } from './embedded/postgres.js'
import { EmbeddedRedis } from './embedded/redis.js'

export interface DatabaseConnection {
  host: string
  port: number
  username: string
  password: string
  database: string
  ssl: boolean
}

export interface RedisConnection {
  path?: string
  host?: string
  port?: number
  password?: string
  db: number
}

let embeddedPostgres: EmbeddedPostgres | undefined
let embeddedRedis: EmbeddedRedis | undefined

/**
 * Starts the PostgreSQL cluster and Redis server this instance owns, when the config asks for embedded ones.
 * External servers are used as configured and must already be running.
 */
export async function startEmbeddedServices () {
  const base = fromRoot(CONFIG.storage.embedded_services)

  if (CONFIG.database.embedded) {
    embeddedPostgres = new EmbeddedPostgres({ dataDir: join(base, 'postgresql'), superuser: CONFIG.database.username, fast: isTestInstance() })
    await embeddedPostgres.start()
    await embeddedPostgres.createDatabaseIfMissing(databaseName())
  }

  if (CONFIG.redis.embedded) {
    embeddedRedis = new EmbeddedRedis({ dataDir: join(base, 'redis'), fast: isTestInstance() })
    await embeddedRedis.start()
  }
}

export async function stopEmbeddedServices () {
  await Promise.all([ embeddedPostgres?.stop(), embeddedRedis?.stop() ])
}

export function databaseConnection (): DatabaseConnection {
  const db = CONFIG.database
  if (embeddedPostgres) {
    const conn = embeddedPostgres.connection()
    return { host: conn.host, port: conn.port, username: conn.user, password: '', database: databaseName(), ssl: false }
  }
  return { host: db.hostname, port: db.port, username: db.username, password: db.password, database: databaseName(), ssl: db.ssl }
}

export function redisConnection (): RedisConnection {
  const redis = CONFIG.redis
  if (embeddedRedis) return { path: embeddedRedis.socketPath, db: redis.db }
  if (redis.socket) return { path: redis.socket, password: redis.auth ?? undefined, db: redis.db }
  return { host: redis.hostname, port: redis.port, password: redis.auth ?? undefined, db: redis.db }
}
