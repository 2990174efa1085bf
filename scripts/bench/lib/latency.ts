import http from 'node:http'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate } from 'node:zlib'
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

const decoders: Record<string, (bytes: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress)
}

/**
 * What a viewer's client asks of a list (as `fetch` in Node does; browsers add br): the reply is compressed as it
 * would be for them.
 */
const ACCEPT_ENCODING = 'gzip, deflate'

const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 1 })

/**
 * One GET, timed as load testers (autocannon, wrk) time a request: from sending it to the reply's last byte, over a
 * kept-alive connection. Decoding and parsing the reply are the client's work: done after, untimed. (Timing
 * `fetch` + `json()` put the bench process's own stream and garbage-collection costs, up to 40 ms, into the p99.)
 */
export function timedGet (url: string): Promise<{ ms: number, status: number, body: Buffer, encoding?: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.get(url, { agent: keptAlive, headers: { 'accept-encoding': ACCEPT_ENCODING } }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }))
      res.on('error', reject)
    })
    request.on('error', reject)
  })
}

/** The JSON of a timedGet reply, failing on any status but 200. */
export async function parseReply<T> (url: string, reply: Awaited<ReturnType<typeof timedGet>>): Promise<T> {
  const decode = reply.encoding ? decoders[reply.encoding] : undefined
  if (reply.encoding && !decode) throw new Error(`${url}: unexpected Content-Encoding ${reply.encoding}`)
  const text = (decode ? await decode(reply.body) : reply.body).toString('utf8')
  if (reply.status !== 200) throw new Error(`${url}: ${reply.status} ${text}`)
  return JSON.parse(text) as T
}

/** p50 / p99 of `samples` sequential GETs of `url` (timedGet), after a few warm-up ones; every reply is checked. */
export async function measureGetLatency<T> (url: string, samples = 100, warmup = 5): Promise<{ latency: Latency, reply: T }> {
  let reply: T | undefined
  const times: number[] = []
  for (let i = 0; i < warmup + samples; i++) {
    const timed = await timedGet(url)
    if (i >= warmup) times.push(timed.ms)
    reply = await parseReply<T>(url, timed)
  }
  times.sort((a, b) => a - b)
  return { latency: { p50: percentile(times, 50), p99: percentile(times, 99) }, reply: reply! }
}

/** Requests per second at `connections` concurrent connections (autocannon), and the error count. */
type SetupRequest = (request: { path?: string }) => { path?: string }

export async function throughput (url: string, options: { connections: number, seconds: number, setupRequest?: SetupRequest }) {
  // setupRequest rewrites each request (autocannon's typings leave it out of the top-level options).
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, ...(options.setupRequest ? { requests: [ { setupRequest: options.setupRequest } ] } : {}) } as autocannon.Options)
  return { requestsPerSecond: result.requests.average, errors: result.errors + result.non2xx, p99: result.latency.p99 }
}
