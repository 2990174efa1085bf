/**
 * How the activities we received fared, by type, since the process started (as PeerTube counts them for
 * GET /api/v1/server/stats). `ignored`: understood but not handled (an unsupported type, an object nobody
 * handles); those are also logged at warn level.
 */
type Outcome = 'success' | 'error' | 'ignored'

const counts = new Map<string, Record<Outcome, number>>()
const recentSuccesses: number[] = []
const RATE_WINDOW_MS = 60_000

export function recordInboxOutcome (activityType: string, outcome: Outcome) {
  const type = /^[A-Za-z]{1,40}$/.test(activityType) ? activityType : 'Other'
  const entry = counts.get(type) ?? { success: 0, error: 0, ignored: 0 }
  entry[outcome]++
  counts.set(type, entry)

  if (outcome !== 'error') {
    const now = Date.now()
    recentSuccesses.push(now)
    while (recentSuccesses.length !== 0 && recentSuccesses[0] < now - RATE_WINDOW_MS) recentSuccesses.shift()
  }
}

/** PeerTube's stat names (totalActivityPub<Type>MessagesSuccesses/Errors), plus our ignored counts. */
export function inboxStats () {
  const total = { success: 0, error: 0, ignored: 0 }
  const byType: Record<string, number> = {}
  for (const [ type, entry ] of counts) {
    total.success += entry.success
    total.error += entry.error
    total.ignored += entry.ignored
    byType[`totalActivityPub${type}MessagesSuccesses`] = entry.success
    byType[`totalActivityPub${type}MessagesErrors`] = entry.error
    byType[`totalActivityPub${type}MessagesIgnored`] = entry.ignored
  }
  const now = Date.now()
  const lastMinute = recentSuccesses.filter(t => t >= now - RATE_WINDOW_MS).length

  return {
    totalActivityPubMessagesProcessed: total.success + total.error + total.ignored,
    totalActivityPubMessagesSuccesses: total.success + total.ignored,
    totalActivityPubMessagesErrors: total.error,
    totalActivityPubMessagesIgnored: total.ignored,
    activityPubMessagesProcessedPerSecond: Math.round((lastMinute / (RATE_WINDOW_MS / 1000)) * 100) / 100,
    ...byType
  }
}
