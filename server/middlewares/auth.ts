import type { Request } from 'express'
import type { UserRightType } from '../../shared/models/users.js'
import { forbidden, unauthorized } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'
import { OAuthTokenModel } from '../models/oauth/oauth-token.js'
import type { AuthenticatedUser } from '../models/user/authenticated-user.js'

export type AuthMode = 'none' | 'optional' | 'required'

export type { AuthenticatedUser }

/**
 * Reads the bearer token. No token is fine unless auth is required; a token that is wrong or expired is always
 * refused, so a client learns to refresh it instead of silently seeing anonymous results.
 */
export async function authenticate (req: Request, mode: AuthMode): Promise<AuthenticatedUser | undefined> {
  if (mode === 'none') return undefined

  const token = bearerToken(req)
  if (!token) {
    if (mode === 'required') throw unauthorized('Authentication is required: send an OAuth access token', ProblemCode.INVALID_TOKEN)
    return undefined
  }

  const user = await OAuthTokenModel.loadUserByAccessToken(token)
  if (!user || !user.Account) throw unauthorized('Invalid token: it is unknown or has expired', ProblemCode.INVALID_TOKEN)
  if (user.blocked) throw unauthorized('This user is blocked', ProblemCode.USER_BLOCKED)

  return user as AuthenticatedUser
}

export function ensureRight (user: AuthenticatedUser, right: UserRightType) {
  if (!user.hasRight(right)) throw forbidden('You are not allowed to do this', ProblemCode.NOT_ALLOWED)
}

function bearerToken (req: Request) {
  const header = req.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1]
}
