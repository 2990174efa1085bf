import autocannon from 'autocannon'

export interface Latency {
  p50: number
  p99: number
}

export function percentile (sorted: number[], p: number) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** p50 / p99 of `samples` sequential calls (ms), after a few warm-up calls. */
export async function measureLatency (call: () => Promise<void>, samples = 100, warmup = 5): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await call()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const started = performance.now()
    await call()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99) }
}

/** GET returning its JSON, failing on any status but 200. */
export async function getJson<T> (url: string): Promise<T> {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return await res.json() as T
}

/** Requests per second at `connections` concurrent connections (autocannon), and the error count. */
type SetupRequest = (request: { path?: string }) => { path?: string }

export async function throughput (url: string, options: { connections: number, seconds: number, setupRequest?: SetupRequest }) {
  // setupRequest rewrites each request (autocannon's typings leave it out of the top-level options).
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, ...(options.setupRequest ? { requests: [ { setupRequest: options.setupRequest } ] } : {}) } as autocannon.Options)
  return { requestsPerSecond: result.requests.average, errors: result.errors + result.non2xx, p99: result.latency.p99 }
}
