import { rateLimit } from 'express-rate-limit'
import { CONFIG } from '../initializers/config/index.js'
import { PLAYBACK_REPORTS_RATE_LIMIT } from '../initializers/constants/metrics.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'
import { sendProblem } from './error-handler.js'

function limiter (options: { windowMs: number, max: number, skipSuccessfulRequests: boolean, what: string }) {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    skipSuccessfulRequests: options.skipSuccessfulRequests,
    standardHeaders: 'draft-6',
    legacyHeaders: true,
    handler: (req, res) => {
      sendProblem(res, req.originalUrl, new HttpProblem({
        status: 429,
        detail: `Too many ${options.what} from this address: try again later`,
        code: ProblemCode.RATE_LIMITED
      }))
    }
  })
}

/** Login attempts that fail count against the address; successful ones do not. */
export const loginRateLimiter = limiter({
  windowMs: CONFIG.rates_limit.login.window,
  max: CONFIG.rates_limit.login.max,
  skipSuccessfulRequests: true,
  what: 'failed login attempts'
})

export const apiRateLimiter = limiter({
  windowMs: CONFIG.rates_limit.api.window,
  max: CONFIG.rates_limit.api.max,
  skipSuccessfulRequests: false,
  what: 'requests'
})

/** Inbox POSTs per client address, before the signature is even read (unknown signers cost us a fetch). */
export const inboxRateLimiter = limiter({
  windowMs: CONFIG.rates_limit.inbox.window,
  max: CONFIG.rates_limit.inbox.max_per_ip,
  skipSuccessfulRequests: false,
  what: 'inbox requests'
})

/** Players' playback reports (POST /api/v1/metrics/playback): one every few seconds per player is plenty. */
export const playbackMetricsRateLimiter = limiter({
  windowMs: PLAYBACK_REPORTS_RATE_LIMIT.WINDOW_MS,
  max: PLAYBACK_REPORTS_RATE_LIMIT.MAX,
  skipSuccessfulRequests: false,
  what: 'playback reports'
})
