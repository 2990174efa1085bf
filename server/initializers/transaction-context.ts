import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The namespace Sequelize's CLS support expects (`get`, `set`, `run`, `bind`), over AsyncLocalStorage. With it,
 * every query made inside `sequelize.transaction(fn)` joins that transaction without passing it around, so work
 * nested in a unit of work (a video lock, a model helper) never asks the pool for a second connection.
 */
class TransactionNamespace {
  private storage = new AsyncLocalStorage<Map<string, unknown>>()

  get (key: string) {
    return this.storage.getStore()?.get(key)
  }

  set (key: string, value: unknown) {
    this.storage.getStore()?.set(key, value)
  }

  run<T> (fn: (context: Map<string, unknown>) => T): T {
    const context = new Map<string, unknown>()
    return this.storage.run(context, () => fn(context))
  }

  bind<F extends (...args: unknown[]) => unknown> (fn: F): F {
    const context = this.storage.getStore()
    if (!context) return fn
    return ((...args: unknown[]) => this.storage.run(context, () => fn(...args))) as F
  }

  /** Runs `fn` outside any transaction (work that must not be rolled back with, or wait for, the current one). */
  outside<T> (fn: () => T): T {
    return this.storage.exit(fn)
  }
}

export const transactionNamespace = new TransactionNamespace()
