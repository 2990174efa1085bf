import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fromRoot } from '../../../../helpers/project-root.js'
import { waitUntil } from '../../../shared/wait.js'

/** A runner as its own process (ours, or the tampering one), with what it printed. */
export class RunnerProcess {
  private child?: ChildProcess
  output = ''

  constructor (readonly name: string, private readonly options: { url: string, token: string, dir: string, tampering?: boolean }) {}

  async start () {
    const stateFile = join(this.options.dir, `${this.name}.json`)
    const args = this.options.tampering
      ? [ '--import', 'tsx', fromRoot('server/tests/api/runners/shared/tampering-runner.ts'), this.options.url, this.options.token, this.name, stateFile, this.options.dir ]
      : [
        fromRoot('dist/scripts/runner/runner.js'), '--url', this.options.url, '--token', this.options.token, '--name', this.name,
        '--state-file', stateFile, '--work-dir', this.options.dir, '--poll-interval', '1', '--progress-interval', '1', '--preset', 'ultrafast', '--threads', '1'
      ]
    this.child = spawn(process.execPath, args, { cwd: fromRoot(), stdio: [ 'ignore', 'pipe', 'pipe' ] })
    this.child.stdout!.on('data', (chunk: Buffer) => { this.output += chunk.toString() })
    this.child.stderr!.on('data', (chunk: Buffer) => { this.output += chunk.toString() })
    await waitUntil(async () => this.output.includes(' ready on '), 30_000, 100)
      .catch(err => { throw new Error(`Runner ${this.name} did not start: ${(err as Error).message}\n${this.output}`) })
  }

  /** SIGKILL: a crash, no goodbye to the instance. */
  kill () {
    this.child?.kill('SIGKILL')
    this.child = undefined
  }

  async stop () {
    if (!this.child) return
    const child = this.child
    this.child = undefined
    await new Promise<void>(resolve => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => { child.kill('SIGKILL'); resolve() }, 5000).unref()
    })
  }
}
