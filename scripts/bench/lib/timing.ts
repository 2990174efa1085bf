import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

// Wall and CPU time of work done by child processes (ffmpeg): on a shared machine wall time swings with the load,
// the CPU time of the ffmpeg processes much less.

const CLOCK_TICKS = Number(execFileSync('getconf', [ 'CLK_TCK' ]).toString().trim()) || 100

export interface Timing {
  wall: number
  cpu: number
}

/**
 * CPU seconds used by finished child processes (ffmpeg, ffprobe) of this process: cutime + cstime of /proc/self/stat,
 * which count the children libuv has reaped.
 */
export function childCpuSeconds () {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS
}

export function snapshot (): Timing {
  return { wall: performance.now() / 1000, cpu: childCpuSeconds() }
}

export function since (start: Timing): Timing {
  const now = snapshot()
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu }
}

export async function measure (fn: () => Promise<void>): Promise<Timing> {
  const start = snapshot()
  await fn()
  return since(start)
}

export function sum (a: Timing, b: Timing): Timing {
  return { wall: a.wall + b.wall, cpu: a.cpu + b.cpu }
}

export function medianTiming (values: Timing[]): Timing {
  return { wall: median(values.map(v => v.wall)), cpu: median(values.map(v => v.cpu)) }
}

export function median (values: number[]) {
  const sorted = [ ...values ].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function show (t: Timing) {
  return `${t.wall.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`
}
