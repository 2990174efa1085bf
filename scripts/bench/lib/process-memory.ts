import { readFileSync, writeFileSync } from 'node:fs'

/** Resident memory of a process, from /proc: now, and its peak since start (VmHWM). MiB. */
export function processMemory (pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 }
}

/** Samples a process's RSS while `fn` runs; returns the highest sample (MiB) with fn's result. */
export async function sampleRss<T> (pid: number, fn: () => Promise<T>, intervalMs = 100) {
  let peak = processMemory(pid).rssMiB
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, processMemory(pid).rssMiB)
    } catch {
      // The process is gone: keep what was seen.
    }
  }, intervalMs)
  try {
    const result = await fn()
    return { result, peakMiB: peak }
  } finally {
    clearInterval(timer)
  }
}

/** Starts the peak (VmHWM) over from the current RSS, so a heap snapshot's own memory is not counted as load. */
export function resetPeakMemory (pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}
