import express from 'express'
import { z } from 'zod'
import { checkClient, passwordGrant, refreshTokenGrant } from '../../lib/oauth/grants.js'
import { badRequest, notFound } from '../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../lib/http-problems/problem-codes.js'
import { loginRateLimiter } from '../../middlewares/rate-limit.js'
import { loadLocalClient, revokeAccessToken } from '../../lib/oauth/tokens.js'
import { ApiRouter } from '../shared/api-router.js'

export const oauthRouter = new ApiRouter('/api/v1')

oauthRouter.get('/oauth-clients/local', {
  operationId: 'getOAuthClient',
  summary: 'Get the OAuth client of this instance\'s web interface',
  tags: [ 'Session' ],
  auth: 'none'
}, async (_ctx, _req, res) => {
  const client = await loadLocalClient()
  if (!client) throw notFound('No local OAuth client')
  res.json({ client_id: client.clientId, client_secret: client.clientSecret })
})

const tokenBody = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('password'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    username: z.string().min(1, 'Should have a username'),
    password: z.string().min(1, 'Should have a password')
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    refresh_token: z.string().min(1, 'Should have a refresh_token')
  })
], { message: 'Should have grant_type password or refresh_token' })

oauthRouter.post('/users/token', {
  operationId: 'getOAuthToken',
  summary: 'Log in (password grant) or refresh a token',
  tags: [ 'Session' ],
  auth: 'none',
  before: [ loginRateLimiter, express.urlencoded({ extended: false }) ],
  body: tokenBody,
  bodyContentType: 'application/x-www-form-urlencoded',
  responses: { 200: 'Tokens', 400: 'Invalid client, grant or parameters', 429: 'Too many failed attempts' }
}, async ({ body }, _req, res) => {
  if (!body || typeof body !== 'object') throw badRequest('Missing form body', ProblemCode.UNSUPPORTED_GRANT_TYPE)
  const client = await checkClient(body.client_id, body.client_secret)

  const reply = body.grant_type === 'password'
    ? await passwordGrant(client, body.username, body.password)
    : await refreshTokenGrant(client, body.refresh_token)

  res.set('Cache-Control', 'no-store').json(reply)
})

oauthRouter.post('/users/revoke-token', {
  operationId: 'revokeOAuthToken',
  summary: 'Log out: revoke the access token used for this request',
  tags: [ 'Session' ],
  auth: 'required'
}, async (_ctx, req, res) => {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (token) await revokeAccessToken(token)
  res.json({})
})
