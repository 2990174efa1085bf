import { CONFIG } from '../../../initializers/config/index.js'

/**
 * How long after the `sent`-th sending of a Follow (0: the first one) it is sent again while still pending:
 * `federation.followings.resend_pending.first`, doubling, at most `max`; never under a second (no busy loop).
 */
export function followResendDelayMs (sent: number) {
  const { first, max } = CONFIG.federation.followings.resend_pending
  return Math.max(1000, Math.min(first * 2 ** Math.min(sent, 30), max))
}
