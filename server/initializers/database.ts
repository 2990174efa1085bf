import { Sequelize } from 'sequelize'
import { logger, loggerWithTags } from '../helpers/logger.js'
import { registerModels } from '../models/index.js'
import { ensureVideoListIndexes } from '../models/video/queries/video-list/video-list-indexes.js'
import { CONFIG } from './config/index.js'
import { migrate } from './migrator.js'
import { databaseConnection } from './services.js'
import { transactionNamespace } from './transaction-context.js'

const log = loggerWithTags('database')

let sequelizeInstance: Sequelize | undefined

export function sequelize (): Sequelize {
  if (!sequelizeInstance) throw new Error('The database is not initialized yet')
  return sequelizeInstance
}

export async function initDatabase () {
  const conn = databaseConnection()

  // Queries inside a transaction's callback join it by themselves (see transaction-context.ts).
  Sequelize.useCLS(transactionNamespace)
  sequelizeInstance = new Sequelize({
    dialect: 'postgres',
    host: conn.host,
    port: conn.port,
    username: conn.username,
    password: conn.password,
    database: conn.database,
    dialectOptions: {
      ...(conn.ssl ? { ssl: { rejectUnauthorized: false } } : {}),
      // A server that is down must fail a request quickly (503), not hang it.
      connectionTimeoutMillis: CONFIG.database.pool.acquire_timeout,
      // No JIT compilation: our queries are short, and the planner's cost for a list with the audience filters passes
      // jit_above_cost, so PostgreSQL compiled them with LLVM: 17 s instead of 50 ms for a search page under load.
      options: '-c jit=off'
    },
    pool: { max: CONFIG.database.pool.max, acquire: CONFIG.database.pool.acquire_timeout, idle: 10_000, evict: 5_000 },
    benchmark: CONFIG.log.level === 'debug',
    logging: CONFIG.log.level === 'debug' ? (sql: string, ms?: number) => log.debug(sql, { ms }) : false
  })

  try {
    await sequelizeInstance.authenticate()
  } catch (err) {
    throw new Error(`Cannot connect to PostgreSQL database "${conn.database}" at ${conn.host}:${conn.port} as ${conn.username}: ${(err as Error).message}`)
  }

  registerModels(sequelizeInstance)
  await createExtensions(sequelizeInstance)
  await migrate(sequelizeInstance)
  await createSearchFunctionsAndIndexes(sequelizeInstance)
}

/**
 * The functions and indexes lists and search are planned on (models/video/queries/video-list/video-list-indexes.ts).
 * Idempotent, run at every start: a fresh database gets them here, an existing one from its migration.
 */
async function createSearchFunctionsAndIndexes (db: Sequelize) {
  try {
    await ensureVideoListIndexes(db)
  } catch (err) {
    logger.error('Cannot create the search functions and indexes: search will fail until pg_trgm and unaccent exist', { err })
  }
}

async function createExtensions (db: Sequelize) {
  // Search uses trigram similarity on unaccented text. On an external server the admin may have to create them.
  for (const extension of [ 'pg_trgm', 'unaccent' ]) {
    try {
      await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`)
    } catch (err) {
      logger.warn(`Cannot create PostgreSQL extension ${extension}; run \`CREATE EXTENSION ${extension}\` as a superuser`, { err })
    }
  }
}

export async function closeDatabase () {
  await sequelizeInstance?.close()
  sequelizeInstance = undefined
}
