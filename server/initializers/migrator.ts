import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize'
import { loggerWithTags } from '../helpers/logger.js'
import { ApplicationModel } from '../models/application/application.js'
import { LAST_MIGRATION_VERSION, MIGRATION_ADVISORY_LOCK } from './constants/database.js'
import { databaseConnection } from './services.js'

const log = loggerWithTags('migrations')

export interface Migration {
  up: (options: { sequelize: Sequelize, transaction: Transaction }) => Promise<void>
}

/**
 * A fresh database gets the whole schema from the models at once; an existing one runs the numbered migrations
 * above its recorded version, each in its own transaction, so a failed one leaves the version where it was.
 */
export async function migrate (sequelize: Sequelize) {
  // A session lock must be taken and released on one connection: the pool would hand out different ones.
  const conn = databaseConnection()
  const lockConnection = new pg.Client({
    host: conn.host,
    port: conn.port,
    user: conn.username,
    password: conn.password,
    database: conn.database,
    ssl: conn.ssl ? { rejectUnauthorized: false } : undefined
  })
  await lockConnection.connect()
  await lockConnection.query('SELECT pg_advisory_lock($1)', [ MIGRATION_ADVISORY_LOCK ])
  try {
    const tables = await sequelize.getQueryInterface().showAllTables()
    if (!tables.includes('application')) {
      log.info('Empty database: creating the schema')
      await sequelize.sync()
      await ApplicationModel.create({ migrationVersion: LAST_MIGRATION_VERSION })
      return
    }

    const application = await ApplicationModel.load()
    const current = application?.migrationVersion ?? 0
    if (current > LAST_MIGRATION_VERSION) {
      throw new Error(`The database is at schema version ${current}, newer than this code (${LAST_MIGRATION_VERSION}): upgrade Tubeless`)
    }

    for (const { version, file } of listMigrations().filter(m => m.version > current)) {
      log.info(`Running migration ${file}`)
      const migration = await import(pathToFileURL(file).href) as Migration
      await sequelize.transaction(async transaction => {
        await migration.up({ sequelize, transaction })
        await sequelize.query('UPDATE "application" SET "migrationVersion" = :version', {
          replacements: { version },
          type: QueryTypes.UPDATE,
          transaction
        })
      })
    }
  } finally {
    await lockConnection.query('SELECT pg_advisory_unlock($1)', [ MIGRATION_ADVISORY_LOCK ]).catch(() => undefined)
    await lockConnection.end()
  }
}

function listMigrations () {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')
  // tsc emits no folder for a migrations folder that holds no migration yet.
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter(f => /^\d{4}-.+\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .map(f => ({ version: parseInt(f.slice(0, 4), 10), file: join(dir, f) }))
    .filter(m => m.version <= LAST_MIGRATION_VERSION)
    .sort((a, b) => a.version - b.version)
}
