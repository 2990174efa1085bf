import { CONFIG } from '../../../initializers/config/index.js'
import { HttpProblem } from '../../http-problems/http-problem.js'
import { ProblemCode } from '../../http-problems/problem-codes.js'

// Counted in memory (one process per instance): the inbox must keep answering when Redis is away.
const windows = new Map<string, { start: number, count: number }>()
const MAX_TRACKED_HOSTS = 50_000

/**
 * Inbound rate limit per remote host, counted on requests whose signature verified (so nobody can use up another
 * server's allowance by naming its keys). The per-address limit, before any check, is the inboxRateLimiter
 * middleware. Over the limit: 429 with Retry-After; deliveries are retried by their sender.
 */
export function enforceHostRateLimit (host: string) {
  const { window, max_per_host: max } = CONFIG.rates_limit.inbox
  const now = Date.now()
  let entry = windows.get(host)
  if (!entry || now - entry.start >= window) {
    if (!entry && windows.size >= MAX_TRACKED_HOSTS) pruneExpired(now, window)
    entry = { start: now, count: 0 }
    windows.set(host, entry)
  }

  entry.count++
  if (entry.count <= max) return

  const retryAfter = Math.max(1, Math.ceil((entry.start + window - now) / 1000))
  throw new HttpProblem({
    status: 429,
    detail: `Too many activities from ${host}: try again later`,
    code: ProblemCode.RATE_LIMITED,
    headers: { 'Retry-After': String(retryAfter) }
  })
}

function pruneExpired (now: number, window: number) {
  for (const [ host, entry ] of windows) {
    if (now - entry.start >= window) windows.delete(host)
  }
  // Still full (a flood of distinct hosts): forget the oldest half rather than grow without bound.
  if (windows.size >= MAX_TRACKED_HOSTS) {
    let drop = Math.floor(windows.size / 2)
    for (const host of windows.keys()) {
      if (drop-- <= 0) break
      windows.delete(host)
    }
  }
}
