import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { spawnManaged, stopChild, waitFor, type ManagedChild } from './child-process.js'

export interface EmbeddedRedisOptions {
  dataDir: string
  /** Skip snapshots: only for throw-away servers (tests). */
  fast?: boolean
}

/** A redis-server owned by this process, reached through a unix socket only. */
export class EmbeddedRedis {
  private child?: ManagedChild
  readonly socketPath: string

  constructor (private readonly options: EmbeddedRedisOptions) {
    const hash = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 12)
    this.socketPath = join(tmpdir(), `tubeless-redis-${hash}.sock`)
  }

  async start () {
    const binary = findRedisServer()
    mkdirSync(this.options.dataDir, { recursive: true })

    const args = [
      '--port', '0',
      '--unixsocket', this.socketPath,
      '--unixsocketperm', '700',
      '--dir', this.options.dataDir,
      '--daemonize', 'no',
      '--appendonly', 'no',
      '--save', this.options.fast ? '' : '60 1'
    ]
    this.child = spawnManaged(binary, args)
    await waitFor('Redis', () => this.ping(), { timeoutMs: 15_000, child: this.child })
  }

  async stop () {
    // SIGTERM makes redis-server write its snapshot (when saving is on) and exit.
    if (this.child) await stopChild(this.child, 'SIGTERM', 15_000)
    this.child = undefined
  }

  private async ping () {
    const client = new Redis({ path: this.socketPath, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    // Refused connections while the server boots are expected; connect() rejects and we try again.
    client.on('error', () => undefined)
    try {
      await client.connect()
      return (await client.ping()) === 'PONG'
    } finally {
      client.disconnect()
    }
  }
}

export function findRedisServer (): string {
  try {
    return execFileSync('sh', [ '-c', 'command -v redis-server' ], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      'redis-server not found. Install it with `apt-get install -y redis-server`, ' +
      'or set redis.embedded: false and point redis.* at a server.'
    )
  }
}
