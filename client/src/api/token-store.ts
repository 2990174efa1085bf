// Keeps the OAuth tokens in localStorage so a reload (or another tab) stays signed in.
import type { OAuthTokenReply } from '../../../shared/models/client-user.js'

const STORAGE_KEY = 'tubeless.tokens'

export interface StoredTokens {
  tokenType: string
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds. */
  accessExpiresAt: number
  refreshExpiresAt: number
}

type Listener = (tokens: StoredTokens | null) => void
const listeners = new Set<Listener>()
let cached: StoredTokens | null | undefined

function readStorage (): StoredTokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    return raw ? JSON.parse(raw) as StoredTokens : null
  } catch {
    return null
  }
}

export function getTokens (): StoredTokens | null {
  if (cached === undefined) cached = readStorage()
  return cached
}

export function saveTokenReply (reply: OAuthTokenReply): StoredTokens {
  const now = Date.now()
  const tokens: StoredTokens = {
    tokenType: reply.token_type || 'Bearer',
    accessToken: reply.access_token,
    refreshToken: reply.refresh_token,
    accessExpiresAt: now + (reply.expires_in ?? 3600) * 1000,
    refreshExpiresAt: now + (reply.refresh_token_expires_in ?? 14 * 24 * 3600) * 1000
  }
  setTokens(tokens)
  return tokens
}

export function clearTokens (): void {
  setTokens(null)
}

function setTokens (tokens: StoredTokens | null): void {
  cached = tokens
  try {
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Private mode or full storage: the session then lives in memory only.
  }
  for (const listener of listeners) listener(tokens)
}

export function onTokensChange (listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

// Another tab signed in or out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', event => {
    if (event.key !== STORAGE_KEY) return
    cached = readStorage()
    for (const listener of listeners) listener(cached)
  })
}
