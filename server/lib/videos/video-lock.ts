import { sequelize } from '../../initializers/database.js'

/** Namespace of video locks among PostgreSQL advisory locks (the migration lock uses a single-key lock). */
const VIDEO_LOCK_NAMESPACE = 7_356_242

/**
 * Runs `fn` while holding this video's lock, so that the steps that move or add its files (a rendition landing,
 * a privacy change moving folders) never interleave. A transaction-scoped advisory lock: released when `fn` ends,
 * even if the process dies.
 */
export async function withVideoLock<T> (videoId: number, fn: () => Promise<T>): Promise<T> {
  return sequelize().transaction(async transaction => {
    await sequelize().query('SELECT pg_advisory_xact_lock(:namespace, :videoId)', {
      replacements: { namespace: VIDEO_LOCK_NAMESPACE, videoId },
      transaction
    })
    return fn()
  })
}
