import { readFeedToken, renewFeedToken } from '../../../lib/users/feed-token.js'
import { ApiRouter } from '../../shared/api-router.js'

/** The token of a user's private feeds (/feeds/subscriptions.*), read and renewed as PeerTube's scoped tokens. */
export const feedTokenRouter = new ApiRouter('/api/v1')

feedTokenRouter.get('/users/scoped-tokens', {
  operationId: 'getUserScopedTokens',
  summary: 'Get my feed token (for /feeds/subscriptions.*)',
  tags: [ 'My User', 'Video Feeds' ],
  auth: 'required'
}, async ({ user }, _req, res) => {
  res.json(await readFeedToken(user.id))
})

feedTokenRouter.post('/users/scoped-tokens', {
  operationId: 'renewUserScopedTokens',
  summary: 'Renew my feed token: feed URLs with the old one stop working',
  tags: [ 'My User', 'Video Feeds' ],
  auth: 'required'
}, async ({ user }, _req, res) => {
  res.json(await renewFeedToken(user.id))
})

feedTokenRouter.get('/users/me/feed-token', {
  operationId: 'getMyFeedToken',
  summary: 'Get my feed token (same as GET /users/scoped-tokens)',
  tags: [ 'My User', 'Video Feeds' ],
  auth: 'required'
}, async ({ user }, _req, res) => {
  res.json(await readFeedToken(user.id))
})
