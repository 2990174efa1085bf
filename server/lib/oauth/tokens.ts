import { randomBytes } from 'node:crypto'
import { CONFIG } from '../../initializers/config/index.js'
import { OAuthClientModel } from '../../models/oauth/oauth-client.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import type { UserModel } from '../../models/user/user.js'

export interface TokenReply {
  token_type: 'Bearer'
  access_token: string
  refresh_token: string
  expires_in: number
  refresh_token_expires_in: number
}

/** A new access/refresh token pair, in the OAuth2 reply shape PeerTube's clients read. */
export async function issueTokens (user: UserModel, client: OAuthClientModel): Promise<TokenReply> {
  const accessLifetime = CONFIG.oauth2.token_lifetime.access_token
  const refreshLifetime = CONFIG.oauth2.token_lifetime.refresh_token
  const now = Date.now()

  const token = await OAuthTokenModel.create({
    accessToken: randomBytes(32).toString('hex'),
    accessTokenExpiresAt: new Date(now + accessLifetime),
    refreshToken: randomBytes(32).toString('hex'),
    refreshTokenExpiresAt: new Date(now + refreshLifetime),
    userId: user.id,
    oAuthClientId: client.id
  })

  return {
    token_type: 'Bearer',
    access_token: token.accessToken,
    refresh_token: token.refreshToken,
    expires_in: Math.floor(accessLifetime / 1000),
    refresh_token_expires_in: Math.floor(refreshLifetime / 1000)
  }
}

/** The OAuth client of this instance's web interface (created by the installer). */
export function loadLocalClient () {
  return OAuthClientModel.loadLocal()
}

/** Logging out: the access token (and its refresh token) stop working at once. */
export async function revokeAccessToken (accessToken: string) {
  await OAuthTokenModel.destroy({ where: { accessToken } })
}
