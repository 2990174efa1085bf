import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
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
  private schemaTemplate?: Promise<string>

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
    this.schemaTemplate = undefined
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

  /** Drops and creates the database: empty, or a copy of `template`. */
  async recreateDatabase (name: string, template?: string) {
    await this.withAdminClient(async client => {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`)
          return
        } catch (err) {
          // The template's last session (the process that made it) may still be closing: 55006 object_in_use.
          if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err
          await new Promise(resolve => setTimeout(resolve, 100))
        }
      }
    })
  }

  /**
   * A fresh database with the schema of this build, for a fresh instance: a copy of a template made once per run
   * (of these services) by the server's own code (scripts/local-cluster/create-schema.ts), which costs much less
   * than each instance creating a hundred tables and their indexes when it starts.
   */
  async recreateDatabaseWithSchema (name: string) {
    this.schemaTemplate ??= this.createSchemaTemplate().catch(err => {
      this.schemaTemplate = undefined
      throw err
    })
    await this.recreateDatabase(name, await this.schemaTemplate)
  }

  private async createSchemaTemplate () {
    const suffix = '_schema_template'
    const name = 'tubeless' + suffix
    await this.recreateDatabase(name)
    const overrides = this.configOverrides()
    const config = { ...overrides, database: { ...overrides.database, name: 'tubeless', suffix } }
    const fromSource = process.env.TUBELESS_FROM_SOURCE === '1'
    const script = fromSource ? [ '--import', 'tsx', fromRoot('scripts', 'local-cluster', 'create-schema.ts') ] : [ fromRoot('dist', 'scripts', 'local-cluster', 'create-schema.js') ]
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', NODE_CONFIG: JSON.stringify(config) }
    delete env.NODE_APP_INSTANCE
    await promisify(execFile)(process.execPath, script, { cwd: fromRoot(), env })
    return name
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
