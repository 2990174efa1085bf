import { isOutageError } from '../../helpers/outage-errors.js'
import { loggerWithTags } from '../../helpers/logger.js'

const log = loggerWithTags('unit-of-work')

const CHECK_INTERVAL_MS = 3_000
const GIVE_UP_AFTER_MS = 30 * 60_000

/**
 * When the database goes away during a COMMIT, the client cannot know whether it was kept: the server may have
 * made it durable and then died before answering. Files the unit of work hands over to committed rows must not
 * be removed on that error (a committed video would lose its source); an outage before the COMMIT is a plain
 * rollback. This tells which case it was once the
 * database answers again: `wasCommitted` looks for what the unit of work wrote, and `whenAbsent` undoes the files.
 * A process that dies first leaves the files to the start-up storage sweep, which removes what no row owns.
 */
export function isUnknownOutcome (err: unknown) {
  return isOutageError(err) && typeof err === 'object' && err !== null && failedAtCommit.has(err)
}

const failedAtCommit = new WeakSet<object>()

/** Called by the unit of work for an error thrown by its COMMIT (not by its body, which is rolled back for sure). */
export function markFailedAtCommit (err: unknown) {
  if (typeof err === 'object' && err !== null) failedAtCommit.add(err)
}

export function settleUnknownOutcome (what: string, wasCommitted: () => Promise<boolean>, whenAbsent: () => Promise<void>) {
  const started = Date.now()
  const check = async () => {
    try {
      if (await wasCommitted()) {
        log.info(`${what}: committed although its answer was lost; its files stay`)
        return
      }
      await whenAbsent()
      log.info(`${what}: not committed; its files are removed`)
    } catch (err) {
      if (!isOutageError(err) || Date.now() - started > GIVE_UP_AFTER_MS) {
        log.warn(`${what}: cannot tell whether it was committed; left to the start-up storage sweep`, { err: String(err) })
        return
      }
      setTimeout(() => { void check() }, CHECK_INTERVAL_MS).unref()
    }
  }
  setTimeout(() => { void check() }, CHECK_INTERVAL_MS).unref()
}
