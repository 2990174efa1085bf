import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'

/** Reads at most `bytesPerSecond` on average (a token bucket shared by everything one scrub reads). */
export class ReadRateLimiter {
  private allowance: number
  private last = Date.now()

  constructor (private readonly bytesPerSecond: number) {
    this.allowance = bytesPerSecond
  }

  async take (bytes: number, signal?: AbortSignal) {
    if (this.bytesPerSecond <= 0) return
    const now = Date.now()
    this.allowance = Math.min(this.bytesPerSecond, this.allowance + (now - this.last) * this.bytesPerSecond / 1000)
    this.last = now
    this.allowance -= bytes
    if (this.allowance >= 0) return
    const waitMs = -this.allowance * 1000 / this.bytesPerSecond
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, waitMs)
      signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason) }, { once: true })
    })
  }
}

export interface StreamDigest {
  sha256: string
  size: number
}

/** SHA-256 and length of everything a stream yields, optionally rate-limited. */
export async function sha256OfStream (stream: Readable, options: { limiter?: ReadRateLimiter, signal?: AbortSignal } = {}): Promise<StreamDigest> {
  const hash = createHash('sha256')
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer
      hash.update(buffer)
      size += buffer.length
      if (options.limiter) await options.limiter.take(buffer.length, options.signal)
      if (options.signal?.aborted) throw options.signal.reason
    }
  } finally {
    stream.destroy()
  }
  return { sha256: hash.digest('hex'), size }
}

export async function sha256OfFile (path: string, options: { limiter?: ReadRateLimiter, signal?: AbortSignal } = {}) {
  return sha256OfStream(createReadStream(path, { highWaterMark: 1024 * 1024 }), options)
}
