import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Heap snapshots of a process started with --heapsnapshot-signal=SIGUSR2 (written to its working directory), and
 * what grew between two of them: objects counted and sized per constructor.
 */
export async function takeHeapSnapshot (pid: number, dir: string, timeoutMs = 120_000) {
  const before = new Set(snapshotFiles(dir))
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const fresh = snapshotFiles(dir).find(f => !before.has(f))
    // Written in one go at the end: wait until its size stops changing.
    if (fresh) {
      const path = join(dir, fresh)
      const size = statSync(path).size
      await new Promise(resolve => setTimeout(resolve, 1000))
      if (size > 0 && statSync(path).size === size) return path
    } else {
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  }
  throw new Error('No heap snapshot was written')
}

function snapshotFiles (dir: string) {
  return readdirSync(dir).filter(f => f.endsWith('.heapsnapshot'))
}

interface Group { count: number, bytes: number }

export function summarizeSnapshot (path: string) {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[], node_types: [ string[] ] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const stride = fields.length
  const typeIndex = fields.indexOf('type')
  const nameIndex = fields.indexOf('name')
  const sizeIndex = fields.indexOf('self_size')
  const types = snapshot.snapshot.meta.node_types[0]
  const groups = new Map<string, Group>()
  let total = 0
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeIndex]]
    const size = snapshot.nodes[i + sizeIndex]
    total += size
    const key = type === 'object' || type === 'closure' ? `${type} ${snapshot.strings[snapshot.nodes[i + nameIndex]]}` : type
    const group = groups.get(key) ?? { count: 0, bytes: 0 }
    group.count++
    group.bytes += size
    groups.set(key, group)
  }
  return { totalBytes: total, groups }
}

/** The constructors whose retained objects grew most between two snapshots. */
export function heapGrowth (beforePath: string, afterPath: string, top = 12) {
  const before = summarizeSnapshot(beforePath)
  const after = summarizeSnapshot(afterPath)
  const rows = [ ...after.groups ].map(([ key, group ]) => {
    const old = before.groups.get(key) ?? { count: 0, bytes: 0 }
    return { key, countDelta: group.count - old.count, bytesDelta: group.bytes - old.bytes, bytes: group.bytes }
  }).sort((a, b) => b.bytesDelta - a.bytesDelta).slice(0, top)
  return { beforeMiB: before.totalBytes / 1048576, afterMiB: after.totalBytes / 1048576, rows }
}

export function removeSnapshots (paths: string[]) {
  for (const path of paths) rmSync(path, { force: true })
}
