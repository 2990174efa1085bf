import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fromRoot } from '../../server/helpers/project-root.js'
import type { SharedServices } from './shared-services.js'

/**
 * Node options the server runs with (package.json `start`, support/systemd/tubeless.service). A bounded old
 * generation: left to its default (a quarter of the machine's memory, 4 GiB here), V8 let the old generation grow
 * to ~250 MiB of dead objects between full collections under list load (peak RSS 340-360 MiB for a live heap of
 * ~60 MiB); with a 1 GiB bound it collects sooner (peak ~210 MiB, same throughput), and 1 GiB leaves ample room.
 */
export const SERVER_NODE_ARGS = [ '--max-old-space-size=1024' ]

export interface InstanceStartOptions {
  /** Extra configuration (NODE_CONFIG), merged over config/test-N.yaml. */
  config?: Record<string, unknown>
  env?: Record<string, string>
  /** Extra options for node itself (profilers, heap limits), before the script. */
  nodeArgs?: string[]
  /** Called with each chunk the instance prints. */
  onOutput?: (text: string) => void
  /**
   * Storage folders (keys of `storage`, e.g. 'tmp') put on their own tmpfs of the given size, in a private mount
   * namespace of the instance: another file system (EXDEV on rename) or a small, fillable disk.
   */
  tmpfs?: { folder: string, size: string }[]
}

/**
 * A test-configured instance (NODE_ENV=test, NODE_APP_INSTANCE=n, port 900n) in its own process, on shared
 * PostgreSQL/Redis servers. Runs dist/server.js, or server.ts through tsx when TUBELESS_FROM_SOURCE=1.
 */
export class InstanceProcess {
  readonly port: number
  readonly url: string
  readonly host: string
  readonly databaseName: string
  private child?: ChildProcess
  /** The instance's process id while it runs. */
  get pid () {
    return this.child?.pid
  }

  private output: string[] = []
  private lastStart: InstanceStartOptions = {}
  /** The options of the last start, to start again with a few changed. */
  get lastStartOptions () {
    return this.lastStart
  }

  /** Exit code of the last stop (null when killed by a signal). */
  lastExitCode: number | null = null

  /**
   * `slot` > 0 moves the instance to other ports (9000 + 100 * slot + n) and storage folders, so several
   * developers' test runs can share a machine.
   */
  constructor (readonly n: number, protected readonly services: SharedServices, readonly slot = 0) {
    this.port = 9000 + 100 * slot + n
    this.host = `localhost:${this.port}`
    this.url = `http://${this.host}`
    this.databaseName = `tubeless_test${n}`
  }

  /** The storage folder of this instance, relative to the project root. */
  get storageFolder () {
    return this.slot === 0 ? `storage/test-${this.n}` : `storage/slot-${this.slot}/test-${this.n}`
  }

  private slotOverrides (): Record<string, unknown> {
    if (this.slot === 0) return {}
    const folders = [ 'embedded_services', 'tmp', 'logs', 'web_videos', 'streaming_playlists', 'thumbnails', 'previews', 'torrents', 'avatars', 'captions', 'cache', 'redundancy', 'original_video_files' ]
    return {
      listen: { port: this.port },
      webserver: { port: this.port },
      live: { rtmp: { port: this.rtmpPort }, rtmps: { port: this.rtmpPort + 10 } },
      storage: Object.fromEntries(folders.map(key => [ key, this.storageDir(key) ]))
    }
  }

  /** The RTMP ingest port: in the slot's range (9000 + 100 * slot + 50 + n), never 1935. */
  get rtmpPort () {
    return this.slot === 0 ? 19350 + this.n : 9000 + 100 * this.slot + 50 + this.n
  }

  /** One storage folder (a key of the `storage` configuration) of this instance, relative to the project root. */
  storageDir (key: string) {
    return `${this.storageFolder}/${key.replace('_', '-').replace('embedded-services', 'embedded')}/`
  }

  get rootPassword () {
    return `test${this.n}`
  }

  get running () {
    return this.child !== undefined
  }

  /** Empty database (but for the schema), Redis db and storage folder. */
  async flush () {
    await this.stop()
    await this.services.recreateDatabaseWithSchema(this.databaseName)
    await this.services.flushRedis(this.n)
    rmSync(fromRoot(this.storageFolder), { recursive: true, force: true })
  }

  async start (options: InstanceStartOptions = this.lastStart) {
    if (this.child) throw new Error(`Instance ${this.n} is already running`)
    this.lastStart = options
    this.output = []

    const config = this.configFor(options)
    const fromSource = process.env.TUBELESS_FROM_SOURCE === '1'
    // As `npm start` and the systemd unit run it (see SERVER_NODE_ARGS); options.nodeArgs come after and win.
    const nodeArgs = [ ...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), ...(fromSource ? [ '--import', 'tsx', fromRoot('server.ts') ] : [ fromRoot('dist', 'server.js') ]) ]
    const [ command, args ] = this.wrapInMountNamespace(nodeArgs, options.tmpfs ?? [])

    const child = spawn(command, args, {
      cwd: fromRoot(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NODE_APP_INSTANCE: String(this.n),
        NODE_CONFIG: JSON.stringify(config),
        ...options.env
      },
      stdio: [ 'ignore', 'pipe', 'pipe' ]
    })
    this.child = child

    await new Promise<void>((resolve, reject) => {
      // Generous: a loaded machine (CI, several runs at once) can take long to start PostgreSQL clients and migrate.
      const timer = setTimeout(() => reject(new Error(`Instance ${this.n} not ready after 120 s:\n${this.recentOutput()}`)), 120_000)
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8')
        options.onOutput?.(text)
        this.output.push(text)
        if (this.output.length > 200) this.output.splice(0, this.output.length - 200)
        if (text.includes('tubeless: ready on')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('exit', code => {
        clearTimeout(timer)
        if (this.child === child) this.child = undefined
        reject(new Error(`Instance ${this.n} exited with code ${code} before it was ready:\n${this.recentOutput()}`))
      })
    })
  }

  /** The configuration (NODE_CONFIG) the instance runs with, so a tool can run beside it on the same setup. */
  configFor (options: InstanceStartOptions = this.lastStart) {
    return deepMerge(deepMerge(this.services.configOverrides(), this.slotOverrides()), options.config ?? {})
  }

  /** The environment of a command run against this instance's database and storage (npm run storage:move). */
  toolEnvironment () {
    return { ...process.env, NODE_ENV: 'test', NODE_APP_INSTANCE: String(this.n), NODE_CONFIG: JSON.stringify(this.configFor()) }
  }

  /** Waits until the process exits by itself (a fault point killed it); fails after `timeoutMs`. */
  async waitForExit (timeoutMs: number) {
    const child = this.child
    if (!child) return
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Instance ${this.n} still running after ${timeoutMs} ms:\n${this.recentOutput()}`)), timeoutMs)
      child.once('exit', code => {
        clearTimeout(timer)
        this.lastExitCode = code
        resolve()
      })
      if (child.exitCode !== null || child.signalCode !== null) {
        clearTimeout(timer)
        resolve()
      }
    })
    if (this.child === child) this.child = undefined
  }

  private wrapInMountNamespace (nodeArgs: string[], tmpfs: { folder: string, size: string }[]): [ string, string[] ] {
    if (tmpfs.length === 0) return [ process.execPath, nodeArgs ]
    const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`
    const mounts = tmpfs.map(({ folder, size }) => {
      const dir = fromRoot(this.storageDir(folder))
      return `mkdir -p ${quote(dir)} && mount -t tmpfs -o size=${quote(size)} tmpfs ${quote(dir)}`
    })
    const script = `${mounts.join(' && ')} && exec ${[ process.execPath, ...nodeArgs ].map(quote).join(' ')}`
    return [ 'unshare', [ '-m', '--propagation', 'private', 'sh', '-c', script ] ]
  }

  /** Graceful stop (SIGTERM), as an admin's service manager does. */
  async stop () {
    await this.signal('SIGTERM')
  }

  /** Abrupt stop, as a crash or power loss. */
  async kill () {
    await this.signal('SIGKILL')
  }

  async restart () {
    await this.stop()
    await this.start()
  }

  recentOutput () {
    return this.output.join('').split('\n').slice(-60).join('\n')
  }

  private async signal (signal: NodeJS.Signals) {
    const child = this.child
    if (!child) return
    const exited = new Promise<void>(resolve => child.once('exit', code => {
      this.lastExitCode = code
      resolve()
    }))
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
    if (this.child === child) this.child = undefined
  }
}

function deepMerge (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [ key, value ] of Object.entries(b)) {
    const existing = out[key]
    out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value
  }
  return out
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
