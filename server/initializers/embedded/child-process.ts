import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

export interface ManagedChild {
  process: ChildProcess
  /** The last lines the child wrote, for error messages. */
  output: () => string
  exited: Promise<number | null>
}

export function spawnManaged (command: string, args: string[], options: SpawnOptions = {}): ManagedChild {
  const child = spawn(command, args, { ...options, stdio: [ 'ignore', 'pipe', 'pipe' ] })
  const lines: string[] = []
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (lines.length > 40) lines.splice(0, lines.length - 40)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)

  const exited = new Promise<number | null>(resolve => {
    child.once('exit', code => resolve(code))
    child.once('error', err => {
      lines.push(err.message)
      resolve(-1)
    })
  })

  return { process: child, output: () => lines.join('\n'), exited }
}

export async function waitFor (what: string, check: () => Promise<boolean>, options: { timeoutMs: number, child?: ManagedChild }) {
  const deadline = Date.now() + options.timeoutMs
  let exitCode: number | null | undefined
  options.child?.exited.then(code => { exitCode = code })

  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    if (exitCode !== undefined) {
      throw new Error(`${what} exited (code ${exitCode}) before it was ready:\n${options.child?.output()}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`${what} was not ready after ${options.timeoutMs} ms${options.child ? ':\n' + options.child.output() : ''}`)
}

export async function stopChild (child: ManagedChild, signal: NodeJS.Signals, timeoutMs: number) {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return
  child.process.kill(signal)
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs)
  await child.exited
  clearTimeout(timer)
}
