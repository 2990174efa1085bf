import { badRequest } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { CONFIG } from '../../initializers/config/index.js'
import { OAuthClientModel } from '../../models/oauth/oauth-client.js'
import { OAuthTokenModel } from '../../models/oauth/oauth-token.js'
import { UserModel } from '../../models/user/user.js'
import { hashPassword, isPasswordMatching } from '../users/create-user.js'
import { issueTokens } from './tokens.js'

// Every refusal says as little as possible: a wrong username and a wrong password look the same.
const invalidCredentials = () => badRequest('Invalid grant: user credentials are invalid', ProblemCode.INVALID_GRANT)

let dummy: Promise<string> | undefined
function dummyHash () {
  dummy ??= hashPassword('not a password of anyone')
  return dummy
}

export async function checkClient (clientId: string, clientSecret: string) {
  const client = await OAuthClientModel.loadByCredentials(clientId, clientSecret)
  if (!client) throw badRequest('Invalid client: client is invalid', ProblemCode.INVALID_CLIENT)
  return client
}

export async function passwordGrant (client: OAuthClientModel, usernameOrEmail: string, password: string) {
  const user = await UserModel.loadForLogin(usernameOrEmail)
  // Compare even when the user is unknown, so response times do not reveal which usernames exist.
  const matches = await isPasswordMatching(password, user?.password ?? await dummyHash())
  if (!user || !matches) throw invalidCredentials()
  if (user.blocked) throw badRequest('Invalid grant: user is blocked', ProblemCode.USER_BLOCKED)
  // After the password check, as PeerTube: only the account's owner learns that the address needs verifying.
  if (CONFIG.signup.requires_email_verification && user.emailVerified === false) {
    throw badRequest('User email is not verified.', ProblemCode.EMAIL_NOT_VERIFIED)
  }

  user.lastLoginDate = new Date()
  await user.save()
  return issueTokens(user, client)
}

export async function refreshTokenGrant (client: OAuthClientModel, refreshToken: string) {
  const token = await OAuthTokenModel.loadByRefreshToken(refreshToken)
  if (!token || token.oAuthClientId !== client.id || token.refreshTokenExpiresAt.getTime() < Date.now()) {
    throw badRequest('Invalid grant: refresh token is invalid', ProblemCode.INVALID_GRANT)
  }

  const user = await UserModel.findByPk(token.userId)
  if (!user || user.blocked) throw badRequest('Invalid grant: refresh token is invalid', ProblemCode.INVALID_GRANT)

  // A refresh token is single-use: the pair it belongs to is replaced. Of concurrent refreshes with the same
  // token, only the one that deletes the row gets new tokens.
  const deleted = await OAuthTokenModel.destroy({ where: { id: token.id, refreshToken } })
  if (deleted !== 1) throw badRequest('Invalid grant: refresh token is invalid', ProblemCode.INVALID_GRANT)
  return issueTokens(user, client)
}
