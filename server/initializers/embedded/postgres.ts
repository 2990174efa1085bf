import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { spawnManaged, stopChild, waitFor, type ManagedChild } from './child-process.js'
import { unprivilegedUserForPostgres, type RunAs } from './system-user.js'

const execFileAsync = promisify(execFile)

export interface EmbeddedPostgresOptions {
  dataDir: string
  superuser: string
  /** Durability off: only for throw-away clusters (tests). */
  fast?: boolean
}

export interface PostgresConnection {
  /** The socket directory, which pg and Sequelize accept as a host name. */
  host: string
  port: number
  user: string
}

/**
 * A PostgreSQL cluster owned by this process: created on first use, reached through a unix socket only
 * (no TCP port to collide with), and stopped with us.
 */
export class EmbeddedPostgres {
  private child?: ManagedChild
  private readonly runAs: RunAs | undefined
  readonly socketDir: string
  readonly port = 5432

  constructor (private readonly options: EmbeddedPostgresOptions) {
    this.runAs = unprivilegedUserForPostgres()
    // Unix socket paths are limited to ~107 bytes, so the socket lives in a short folder named after the cluster.
    const hash = createHash('sha256').update(options.dataDir).digest('hex').slice(0, 12)
    this.socketDir = join(tmpdir(), `tubeless-pg-${hash}`)
  }

  connection (): PostgresConnection {
    return { host: this.socketDir, port: this.port, user: this.options.superuser }
  }

  async start () {
    const binDir = findPostgresBinDir()
    await this.initIfNeeded(binDir)
    await this.stopLeftover(binDir)

    this.prepareSocketDir()

    const args = [
      '-D', this.options.dataDir,
      '-k', this.socketDir,
      '-p', String(this.port),
      '-c', 'listen_addresses=',
      '-c', 'max_connections=200'
    ]
    if (this.options.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')

    this.child = spawnManaged(join(binDir, 'postgres'), args, this.spawnIdentity())
    await waitFor('PostgreSQL', () => this.canConnect(), { timeoutMs: 30_000, child: this.child })
  }

  /** `fast` (SIGINT) ends sessions, checkpoints and exits; `immediate` (SIGQUIT) exits at once, like a crash. */
  async stop (mode: 'fast' | 'immediate' = 'fast') {
    if (this.child) await stopChild(this.child, mode === 'fast' ? 'SIGINT' : 'SIGQUIT', 20_000)
    this.child = undefined
  }

  async createDatabaseIfMissing (name: string) {
    const client = new pg.Client({ ...this.connection(), database: 'postgres' })
    await client.connect()
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [ name ])
      if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    } finally {
      await client.end()
    }
  }

  private async canConnect () {
    const client = new pg.Client({ ...this.connection(), database: 'postgres' })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  private async initIfNeeded (binDir: string) {
    const { dataDir, superuser } = this.options
    if (existsSync(join(dataDir, 'PG_VERSION'))) return

    // A half-created cluster (initdb interrupted) would never start: begin again from an empty folder.
    rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dirname(dataDir), { recursive: true })
    mkdirSync(dataDir, { mode: 0o700 })
    this.chown(dataDir)

    await execFileAsync(join(binDir, 'initdb'), [
      '-D', dataDir,
      '-U', superuser,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync'
    ], this.spawnIdentity()).catch((err: Error) => {
      const who = this.runAs ? `user ${this.runAs.name}` : 'this user'
      if (/Permission denied/.test(err.message)) {
        throw new Error(`PostgreSQL runs as ${who}, which cannot reach ${dataDir}: every parent folder must be traversable (chmod o+x), or set storage.embedded_services to a folder it can reach`)
      }
      throw err
    })
  }

  /**
   * A previous run that was killed leaves its postmaster running: stop it. A stale pid file (after a reboot its pid
   * may be any process) is left to PostgreSQL, which recognizes it; we never signal a process we did not check.
   */
  private async stopLeftover (binDir: string) {
    const pidFile = join(this.options.dataDir, 'postmaster.pid')
    if (!existsSync(pidFile)) return

    const pid = parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10)
    if (Number.isInteger(pid) && isPostmasterOf(pid, this.options.dataDir)) {
      await execFileAsync(join(binDir, 'pg_ctl'), [ 'stop', '-D', this.options.dataDir, '-m', 'fast', '-w' ], this.spawnIdentity())
    }
  }

  /**
   * The socket folder lives in the shared temporary folder, where anyone may create names: refuse one that someone
   * else owns or opened up, since whoever reaches the socket is the database's superuser (trust authentication).
   */
  private prepareSocketDir () {
    if (!existsSync(this.socketDir)) mkdirSync(this.socketDir, { mode: 0o700 })
    this.chown(this.socketDir)

    const stat = lstatSync(this.socketDir)
    const expectedUid = this.runAs?.uid ?? process.getuid?.()
    if (!stat.isDirectory() || stat.isSymbolicLink() || (expectedUid !== undefined && stat.uid !== expectedUid) || (stat.mode & 0o077) !== 0) {
      throw new Error(`Refusing the PostgreSQL socket folder ${this.socketDir}: it must be a folder owned by the database user with mode 0700`)
    }
  }

  private spawnIdentity () {
    return this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid, cwd: tmpdir() } : { cwd: tmpdir() }
  }

  private chown (path: string) {
    if (this.runAs) chownSync(path, this.runAs.uid, this.runAs.gid)
  }
}

/** Whether `pid` is a running postgres serving `dataDir` (checked in /proc, not guessed from the pid alone). */
function isPostmasterOf (pid: number, dataDir: string) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    return cmdline.some(arg => arg.endsWith('postgres')) && cmdline.includes(dataDir)
  } catch {
    return false
  }
}

export function findPostgresBinDir (): string {
  if (process.env.TUBELESS_PG_BIN_DIR) return process.env.TUBELESS_PG_BIN_DIR

  const base = '/usr/lib/postgresql'
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter(v => existsSync(join(base, v, 'bin', 'postgres')))
      .sort((a, b) => parseFloat(b) - parseFloat(a))
    if (versions.length !== 0) return join(base, versions[0], 'bin')
  }

  throw new Error(
    'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and $TUBELESS_PG_BIN_DIR). ' +
    'Install them with `apt-get install -y postgresql`, or set database.embedded: false and point database.* at a server.'
  )
}
