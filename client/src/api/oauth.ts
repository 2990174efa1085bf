// Password login, logout and token revocation against the PeerTube-compatible OAuth endpoints.
import type { OAuthTokenReply } from '../../../shared/models/client-user.js'
import { apiRequest } from './http.js'
import { ApiError } from './problem.js'
import { fetchLocalClient } from './token-refresh.js'
import { clearTokens, getTokens, saveTokenReply } from './token-store.js'

/** GET /oauth-clients/local, then POST /users/token with grant_type=password. */
export async function login (username: string, password: string): Promise<void> {
  let client = await fetchLocalClient()
  const attempt = () => apiRequest<OAuthTokenReply>('POST', '/users/token', {
    auth: false,
    form: new URLSearchParams({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_type: 'password',
      response_type: 'code',
      username,
      password
    })
  })
  try {
    saveTokenReply(await attempt())
  } catch (err) {
    // A cached client that the server no longer knows (database reset): fetch it again once.
    if (err instanceof ApiError && err.code === 'invalid_client') {
      client = await fetchLocalClient(true)
      saveTokenReply(await attempt())
      return
    }
    throw err
  }
}

/** Revokes the token server-side (best effort) and forgets it locally either way. */
export async function logout (): Promise<void> {
  if (getTokens()) {
    try {
      await apiRequest<void>('POST', '/users/revoke-token')
    } catch {
      // Already invalid or server unreachable: signing out locally is what the user asked for.
    }
  }
  clearTokens()
}

export function isSignedIn (): boolean {
  return getTokens() !== null
}
