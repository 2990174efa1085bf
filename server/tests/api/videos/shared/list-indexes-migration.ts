import { Sequelize } from 'sequelize'
import { up } from '../../../../initializers/migrations/1920-video-list-indexes.js'
import { up as upPostings } from '../../../../initializers/migrations/2300-video-postings.js'
import type { Migration } from '../../../../initializers/migrator.js'
import { transactionNamespace } from '../../../../initializers/transaction-context.js'
import { registerModels } from '../../../../models/index.js'
import { testServices } from '../../../shared/test-services.js'

/**
 * Runs migration 1920 (or another) against a test database from this process, as the migrator does (one
 * transaction, joined by the migration's queries): the migrator only runs migrations up to LAST_MIGRATION_VERSION,
 * which is set on merge.
 */
export async function runListIndexesMigration (database: string, migration: Migration['up'] = up) {
  const { hostname, port, username } = testServices.configOverrides().database
  Sequelize.useCLS(transactionNamespace)
  const sequelize = new Sequelize({ dialect: 'postgres', host: hostname, port, username, password: '', database, logging: false })
  try {
    registerModels(sequelize)
    await sequelize.transaction(async transaction => migration({ sequelize, transaction }))
  } finally {
    await sequelize.close()
  }
}

/** Migration 2300: the postings of name words. */
export const runNamePostingsMigration = (database: string) => runListIndexesMigration(database, upPostings)
