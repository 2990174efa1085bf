import type { Transaction } from 'sequelize'
import { sequelize } from '../../initializers/database.js'
import { transactionNamespace } from '../../initializers/transaction-context.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { markFailedAtCommit } from './unknown-outcome.js'

const log = loggerWithTags('unit-of-work')

/**
 * Runs one operation's writes as one transaction: rows, the video lock, and the outbox entries of the jobs it
 * requires ("deliver this activity", "move these files"). Inside `fn`, every query joins the transaction
 * without being passed it, and a nested unitOfWork() joins the outer one rather than opening a second
 * connection. Either everything is committed, jobs included, or nothing is.
 */
export async function unitOfWork<T> (fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  const current = currentTransaction()
  if (current) return fn(current)
  let settle: SettleTask[] = []
  let bodyDone = false
  let result: T
  try {
    result = await sequelize().transaction(async transaction => {
      settle = []
      bodyDone = false
      settleTasks.set(transaction, settle)
      const value = await fn(transaction)
      bodyDone = true
      return value
    })
  } catch (err) {
    // Only an error after the body succeeded came from the COMMIT itself, whose outcome the client may not know.
    if (bodyDone) markFailedAtCommit(err)
    throw err
  }
  for (const task of settle) {
    await transactionNamespace.outside(task).catch(err => log.warn('A step after a commit failed; its job will do it', { err: String(err) }))
  }
  return result
}

type SettleTask = () => Promise<unknown>
const settleTasks = new WeakMap<Transaction, SettleTask[]>()

/**
 * Runs `task` once the current unit of work has committed, before unitOfWork() returns (so before the request that
 * made the change is answered). For work a job recorded in the same unit of work would do anyway, done at once so
 * that what the client sees next is already true; a failure is only logged: the job does it later.
 */
export function afterCommitAwaited (task: SettleTask) {
  const transaction = currentTransaction()
  const tasks = transaction && settleTasks.get(transaction)
  if (!tasks) return void transactionNamespace.outside(task).catch(err => log.warn('A step after a commit failed; its job will do it', { err: String(err) }))
  tasks.push(task)
}

/** The transaction of the unit of work we are in, if any. */
export function currentTransaction (): Transaction | undefined {
  return (transactionNamespace.get('transaction') as Transaction | null | undefined) ?? undefined
}

/**
 * Runs `fn` once the current unit of work has committed (at once outside of one); never after a rollback.
 * `fn` runs outside any transaction.
 */
export function afterCommit (fn: () => void) {
  const transaction = currentTransaction()
  const run = () => transactionNamespace.outside(fn)
  if (!transaction) run()
  else transaction.afterCommit(run)
}

/** Runs `fn` outside the current unit of work: its queries neither join it nor wait for it. */
export function outsideUnitOfWork<T> (fn: () => T): T {
  return transactionNamespace.outside(fn)
}
