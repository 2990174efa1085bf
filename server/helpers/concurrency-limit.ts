/**
 * At most `max` calls of `run` at once; the others wait their turn, in order. For work that is cheap to queue but
 * heavy to do all at once (ffmpeg runs the instance starts for requests).
 */
export function createConcurrencyLimit (max: number) {
  let active = 0
  const waiting: (() => void)[] = []

  return async function run<T> (fn: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>(resolve => waiting.push(resolve))
    active++
    try {
      return await fn()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
