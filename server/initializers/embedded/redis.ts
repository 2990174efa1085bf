import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { loggerWithTags } from '../../helpers/logger.js'
import { findProcesses, stopProcess } from '../../helpers/processes.js'
import { spawnManaged, stopChild, waitFor, type ManagedChild } from './child-process.js'

const log = loggerWithTags('redis')

export interface EmbeddedRedisOptions {
  dataDir: string
  /** Skip snapshots: only for throw-away servers (tests). */
  fast?: boolean
}

/**
 * A redis-server owned by this process, reached through a unix socket only. Supervised: when it dies (killed,
 * out of memory), it is started again; the job queue reconnects and the outbox re-queues what it lost.
 */
export class EmbeddedRedis {
  private child?: ManagedChild
  private stopping = false
  private restartDelayMs = 0
  readonly socketPath: string

  constructor (private readonly options: EmbeddedRedisOptions) {
    const hash = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 12)
    this.socketPath = join(tmpdir(), `tubeless-redis-${hash}.sock`)
  }

  async start () {
    const binary = findRedisServer()
    mkdirSync(this.options.dataDir, { recursive: true })
    await this.stopLeftovers()

    this.stopping = false
    await this.spawn(binary)
  }

  private async spawn (binary: string) {
    const args = [
      '--port', '0',
      '--unixsocket', this.socketPath,
      '--unixsocketperm', '700',
      '--dir', this.options.dataDir,
      '--daemonize', 'no',
      '--appendonly', 'no',
      '--save', this.options.fast ? '' : '60 1'
    ]
    const child = spawnManaged(binary, args)
    this.child = child
    void child.exited.then(code => {
      if (this.stopping || this.child !== child) return
      log.error(`The embedded redis-server exited unexpectedly (code ${code}): starting it again`)
      this.restartLater(binary, Math.max(1_000, this.restartDelayMs))
      this.restartDelayMs = 0
    })
    await waitFor('Redis', () => this.ping(), { timeoutMs: 15_000, child })
  }

  private restartLater (binary: string, delayMs: number) {
    setTimeout(() => {
      if (this.stopping) return
      this.spawn(binary).catch(err => {
        log.error(`Cannot start the embedded redis-server again: ${(err as Error).message}`)
        this.restartLater(binary, Math.min(delayMs * 2, 10_000))
      })
    }, delayMs).unref()
  }

  /** As if the server crashed: its supervisor starts it again, after `downForMs` (fault tests). */
  killForTests (downForMs = 0) {
    this.restartDelayMs = downForMs
    this.child?.process.kill('SIGKILL')
  }

  async stop () {
    this.stopping = true
    // SIGTERM makes redis-server write its snapshot (when saving is on) and exit.
    if (this.child) await stopChild(this.child, 'SIGTERM', 15_000)
    this.child = undefined
  }

  /**
   * A previous run that was killed leaves its redis-server running on our socket and data folder: stop it before
   * starting ours (stopping it later would remove the socket file of the live one). Only a redis-server whose
   * command line names our socket is touched (redis-server rewrites its title to `redis-server unixsocket:<path>`).
   */
  private async stopLeftovers () {
    const leftovers = findProcesses(p => {
      const line = [ p.command, ...p.args ].join(' ')
      return /(^|\/)redis-server\b/.test(line) && (line.includes(`unixsocket:${this.socketPath}`) || p.args.includes(this.socketPath))
    })
    for (const leftover of leftovers) {
      log.warn(`Stopping the redis-server left by a previous run (pid ${leftover.pid})`)
      await stopProcess(leftover.pid, 15_000)
    }
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
