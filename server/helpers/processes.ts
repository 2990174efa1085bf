import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessInfo {
  pid: number
  /** The program, as the first argument of its command line. */
  command: string
  args: string[]
}

/**
 * The processes of this machine whose command line matches, read from /proc (Linux). Used to find what a
 * previous run of the instance left behind (a redis-server, an ffmpeg) after it was killed; nothing is signalled
 * here.
 */
export function findProcesses (matches: (info: ProcessInfo) => boolean): ProcessInfo[] {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }

  const found: ProcessInfo[] = []
  for (const entry of entries) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
      if (argv.length === 0) continue
      const info = { pid, command: argv[0], args: argv.slice(1) }
      if (matches(info)) found.push(info)
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found
}

/** Stops a process: SIGTERM, then SIGKILL after `graceMs` if it is still there. */
export async function stopProcess (pid: number, graceMs = 5_000) {
  if (!signal(pid, 'SIGTERM')) return
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  signal(pid, 'SIGKILL')
}

function isAlive (pid: number) {
  try {
    process.kill(pid, 0)
    // A zombie answers signal 0: read its state.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

function signal (pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name)
    return true
  } catch {
    return false
  }
}
