import type { Redis } from 'ioredis'
import { loggerWithTags } from '../helpers/logger.js'

const log = loggerWithTags('redis')

type Listener = () => void

/**
 * Whether Redis answers, as seen by every client of the instance (ours and the job queue's). Clients are
 * watched here so an outage logs one line when it starts and one when it ends, instead of one per retry,
 * and so the parts that must catch up afterwards (the outbox relay) hear about the return.
 */
class RedisHealth {
  private down = false
  private downSince = 0
  private readonly clients = new Set<Redis>()
  private readonly onBack = new Set<Listener>()

  watch (client: Redis) {
    if (this.clients.has(client)) return
    this.clients.add(client)
    // Without an 'error' listener ioredis prints "Unhandled error event" for every failed reconnection.
    client.on('error', (err: Error) => this.markDown(err))
    client.on('end', () => this.clients.delete(client))
    client.on('ready', () => this.markUp())
  }

  isDown () {
    return this.down
  }

  /** Called each time Redis comes back after an outage. */
  onReconnect (listener: Listener) {
    this.onBack.add(listener)
    return () => this.onBack.delete(listener)
  }

  private markDown (err: Error) {
    if (this.down) return
    this.down = true
    this.downSince = Date.now()
    log.error(`Redis is unreachable (${err.message}): jobs wait in the database, requests needing Redis get 503 until it is back`)
  }

  private markUp () {
    if (!this.down) return
    this.down = false
    log.warn(`Redis is reachable again after ${Math.round((Date.now() - this.downSince) / 1000)} s`)
    for (const listener of this.onBack) {
      try {
        listener()
      } catch (err) {
        log.error('A Redis reconnection listener failed', { err })
      }
    }
  }
}

export const redisHealth = new RedisHealth()
