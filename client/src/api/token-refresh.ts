// Silent token refresh (grant_type=refresh_token). Uses fetch directly so http.ts can call it
// without an import cycle; concurrent 401s share one refresh request.
import type { OAuthClientLocal, OAuthTokenReply } from '../../../shared/models/client-user.js'
import { clearTokens, getTokens, saveTokenReply, type StoredTokens } from './token-store.js'

const CLIENT_KEY = 'tubeless.oauth-client'
let inFlight: Promise<StoredTokens | null> | null = null

export async function fetchLocalClient (force = false): Promise<OAuthClientLocal> {
  if (!force) {
    const stored = sessionStorage.getItem(CLIENT_KEY)
    if (stored) return JSON.parse(stored) as OAuthClientLocal
  }
  const res = await fetch('/api/v1/oauth-clients/local', { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`Cannot get the OAuth client (HTTP ${res.status})`)
  const client = await res.json() as OAuthClientLocal
  sessionStorage.setItem(CLIENT_KEY, JSON.stringify(client))
  return client
}

/** Resolves to fresh tokens, or null (and signs out) when the refresh token is no longer valid. */
export function refreshTokens (): Promise<StoredTokens | null> {
  if (!inFlight) {
    inFlight = doRefresh().finally(() => { inFlight = null })
  }
  return inFlight
}

async function doRefresh (): Promise<StoredTokens | null> {
  const current = getTokens()
  if (!current || current.refreshExpiresAt < Date.now()) {
    clearTokens()
    return null
  }
  try {
    const client = await fetchLocalClient()
    const body = new URLSearchParams({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_type: 'refresh_token',
      refresh_token: current.refreshToken
    })
    const res = await fetch('/api/v1/users/token', { method: 'POST', body, headers: { Accept: 'application/json' } })
    if (!res.ok) {
      // Only a definite refusal signs out; a server hiccup keeps the tokens for a later try.
      if (res.status === 400 || res.status === 401) clearTokens()
      return null
    }
    return saveTokenReply(await res.json() as OAuthTokenReply)
  } catch {
    return null
  }
}

/** A token that expires within this margin is refreshed before use rather than after a 401. */
const EARLY_REFRESH_MS = 30_000

export async function getUsableAccessToken (): Promise<StoredTokens | null> {
  const tokens = getTokens()
  if (!tokens) return null
  if (tokens.accessExpiresAt - EARLY_REFRESH_MS > Date.now()) return tokens
  return await refreshTokens() ?? getTokens()
}
