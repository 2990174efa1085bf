/**
 * Errors that say one of our own backing services (PostgreSQL, Redis) is unreachable right now, not that the
 * work is wrong: requests answer them with a 503 and Retry-After, and jobs wait for the service instead of
 * using an attempt. Only errors raised by the database driver or the Redis client count: a remote server
 * refusing a connection is not an outage of ours.
 */

const SEQUELIZE_CONNECTION_ERRORS = new Set([
  'SequelizeConnectionError', 'SequelizeConnectionRefusedError', 'SequelizeConnectionTimedOutError',
  'SequelizeConnectionAcquireTimeoutError', 'SequelizeHostNotFoundError', 'SequelizeHostNotReachableError',
  'SequelizeInvalidConnectionError', 'SequelizeConnectionResetError'
])

// PostgreSQL SQLSTATEs of a server going away: admin shutdown, crash shutdown, cannot connect now, connection failures.
const POSTGRES_UNAVAILABLE_STATES = new Set([ '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004' ])

// What pg says when its connection dies under a query (wrapped by Sequelize as a SequelizeDatabaseError).
const PG_CONNECTION_LOST = [ 'Connection terminated', 'Client has encountered a connection error', 'connection is closed' ]
// Socket errors pg passes on as they are when the server goes away mid-query (also wrapped as a SequelizeDatabaseError).
const SOCKET_LOST_CODES = new Set([ 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTCONN' ])

// What ioredis says while it is disconnected.
const REDIS_UNAVAILABLE = [ 'Connection is closed', 'Stream isn\'t writeable and enableOfflineQueue options is false' ]

export type BackingService = 'database' | 'redis'

/** Which service is out, or undefined when `err` is not an outage. */
export function outageOf (err: unknown): BackingService | undefined {
  let current = err as (Error & Record<string, unknown>) | undefined
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const name = String(current.name)
    const message = typeof current.message === 'string' ? current.message : ''

    if (name === 'RedisUnavailableError' || name === 'MaxRetriesPerRequestError') return 'redis'
    if (SEQUELIZE_CONNECTION_ERRORS.has(name)) return 'database'
    if (name === 'SequelizeDatabaseError') {
      const parent = current.parent as { code?: string, message?: string } | undefined
      const code = String(parent?.code)
      if (POSTGRES_UNAVAILABLE_STATES.has(code) || SOCKET_LOST_CODES.has(code) || PG_CONNECTION_LOST.some(m => (parent?.message ?? message).includes(m))) return 'database'
      return undefined
    }
    if (REDIS_UNAVAILABLE.some(m => message.includes(m))) return 'redis'
    current = current.cause as typeof current
  }
  return undefined
}

export function isOutageError (err: unknown) {
  return outageOf(err) !== undefined
}

/** Thrown when an operation needs Redis and it is down: answered 503 at once instead of waiting. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError'

  constructor (message = 'Redis is unavailable') {
    super(message)
  }
}

/** Rejects with `onTimeout()` when `promise` takes longer than `ms`. */
export async function withTimeout<T> (promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(onTimeout()), ms) })
    ])
  } finally {
    clearTimeout(timer)
  }
}
