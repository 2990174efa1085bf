import { join } from 'node:path'
import pg from 'pg'
import { Redis } from 'ioredis'
import { EmbeddedPostgres } from '../../server/initializers/embedded/postgres.js'
import { EmbeddedRedis } from '../../server/initializers/embedded/redis.js'
import { fromRoot } from '../../server/helpers/project-root.js'

/**
 * One real PostgreSQL cluster and one real Redis server shared by several local instances (each has its own
 * database and Redis db number): what `npm run play` and the test suite run on. Starting them once keeps
 * instance restarts fast.
 */
export class SharedServices {
  private postgres?: EmbeddedPostgres
  private redis?: EmbeddedRedis

  /** `folder` is under storage/. */
  constructor (private readonly folder: string) {}

  async start () {
    if (this.postgres) return
    const base = fromRoot('storage', this.folder)
    this.postgres = new EmbeddedPostgres({ dataDir: join(base, 'postgresql'), superuser: 'tubeless', fast: true })
    this.redis = new EmbeddedRedis({ dataDir: join(base, 'redis'), fast: true })
    await Promise.all([ this.postgres.start(), this.redis.start() ])
  }

  async stop () {
    await Promise.all([ this.postgres?.stop(), this.redis?.stop() ])
    this.postgres = undefined
    this.redis = undefined
  }

  /** Stops PostgreSQL as a crash would (immediate shutdown), for outage tests; startPostgres() brings it back. */
  async stopPostgres () {
    await this.requirePostgres().stop('immediate')
  }

  async startPostgres () {
    await this.requirePostgres().start()
  }

  /** Kills the Redis server (SIGKILL, data not saved); its supervisor starts it again, empty, after `downForMs`. */
  killRedis (downForMs = 0) {
    this.requireRedis().killForTests(downForMs)
  }

  /** Config overrides (NODE_CONFIG) pointing an instance at the shared servers. */
  configOverrides () {
    const { host, port, user } = this.requirePostgres().connection()
    return {
      database: { embedded: false, hostname: host, port, username: user, password: '' },
      redis: { embedded: false, socket: this.requireRedis().socketPath }
    }
  }

  async recreateDatabase (name: string) {
    await this.withAdminClient(async client => {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    })
  }

  async query<T extends pg.QueryResultRow> (database: string, sql: string, values: unknown[] = []) {
    const client = new pg.Client({ ...this.requirePostgres().connection(), database })
    // A server stopped mid-query (outage tests) rejects the query; without a listener the same error would also be thrown process-wide.
    client.on('error', () => undefined)
    await client.connect()
    try {
      return (await client.query<T>(sql, values)).rows
    } finally {
      await client.end()
    }
  }

  redisClient (db: number) {
    return new Redis({ path: this.requireRedis().socketPath, db, maxRetriesPerRequest: null })
  }

  async flushRedis (db: number) {
    const client = this.redisClient(db)
    try {
      await client.flushdb()
    } finally {
      client.disconnect()
    }
  }

  private async withAdminClient (fn: (client: pg.Client) => Promise<void>) {
    const client = new pg.Client({ ...this.requirePostgres().connection(), database: 'postgres' })
    client.on('error', () => undefined)
    await client.connect()
    try {
      await fn(client)
    } finally {
      await client.end()
    }
  }

  private requirePostgres () {
    if (!this.postgres) throw new Error('Shared services are not started')
    return this.postgres
  }

  private requireRedis () {
    if (!this.redis) throw new Error('Shared services are not started')
    return this.redis
  }
}
