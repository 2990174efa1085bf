import type { Transaction } from 'sequelize'
import { sequelize } from '../../initializers/database.js'
import { transactionNamespace } from '../../initializers/transaction-context.js'

/**
 * Runs one operation's writes as one transaction: rows, the video lock, and the outbox entries of the jobs it
 * requires ("deliver this activity", "move these files"). Inside `fn`, every query joins the transaction
 * without being passed it, and a nested unitOfWork() joins the outer one rather than opening a second
 * connection. Either everything is committed, jobs included, or nothing is.
 */
export async function unitOfWork<T> (fn: (transaction: Transaction) => Promise<T>): Promise<T> {
  const current = currentTransaction()
  if (current) return fn(current)
  return sequelize().transaction(transaction => fn(transaction))
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
