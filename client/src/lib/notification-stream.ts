// The live notification stream (server-sent events read with fetch, so the bearer token goes in a header):
// the unread count and each new notification arrive without polling. Reconnects with a growing delay.
import type { UserNotification } from '../../../shared/models/client-library.js'
import { API_PREFIX, authHeaders } from '../api/http.js'
import { refreshTokens } from '../api/token-refresh.js'
import { createStore } from './store.js'

export const unreadCountStore = createStore<number | null>(null)
/** The last notification pushed (pages that list notifications prepend it). */
export const pushedNotificationStore = createStore<UserNotification | null>(null)

let running: AbortController | null = null

function handle (event: string, data: string) {
  const payload = JSON.parse(data) as { unreadCount?: number; notification?: UserNotification }
  if (typeof payload.unreadCount === 'number') unreadCountStore.set(payload.unreadCount)
  if (event === 'notification' && payload.notification) pushedNotificationStore.set(payload.notification)
}

async function readStream (signal: AbortSignal): Promise<'closed' | 'unauthorized'> {
  const res = await fetch(`${API_PREFIX}/users/me/notifications/stream`, { headers: { Accept: 'text/event-stream', ...await authHeaders() }, signal })
  if (res.status === 401) return 'unauthorized'
  if (!res.ok || !res.body) throw new Error(`Notification stream: HTTP ${res.status}`)
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return 'closed'
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (event && data) handle(event, data)
    }
  }
}

/** Opens the stream for the signed-in user (replacing any previous one); returns its stop function. */
export function startNotificationStream (): () => void {
  running?.abort()
  const controller = new AbortController()
  running = controller
  void (async () => {
    let delay = 1000
    while (!controller.signal.aborted) {
      try {
        const outcome = await readStream(controller.signal)
        if (outcome === 'unauthorized' && !await refreshTokens()) return
        delay = 1000
      } catch {
        if (controller.signal.aborted) return
        delay = Math.min(delay * 2, 30_000)
      }
      await new Promise(resolve => setTimeout(resolve, delay))
    }
  })()
  return () => {
    controller.abort()
    if (running === controller) running = null
    unreadCountStore.set(null)
  }
}
