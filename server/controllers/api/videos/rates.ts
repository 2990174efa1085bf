import { loadAccountByHandle } from '../../../lib/accounts/account-finders.js'
import { forbidden, notFound } from '../../../lib/http-problems/http-problem.js'
import { ProblemCode } from '../../../lib/http-problems/problem-codes.js'
import { listRatesOfAccount, loadRateOfAccount } from '../../../lib/video-rates/rate-finders.js'
import { rateVideo } from '../../../lib/video-rates/rate-video.js'
import { loadVideo, loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { accountRatingsQuery, myRatingParams, rateBody } from '../../../middlewares/validation/video-comments.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { formatVideo } from '../../../models/video/formatters/video-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'
import { z } from 'zod'

// Likes and dislikes (PeerTube's routes): rating a video, my rating of a video, an account's ratings.

export const videoRatesRouter = new ApiRouter('/api/v1')

videoRatesRouter.put('/videos/:id/rate', {
  operationId: 'putVideoRate',
  summary: 'Like or dislike a video, or remove my rating (none)',
  tags: [ 'Video Rates' ],
  auth: 'required',
  params: videoIdParams,
  body: rateBody,
  responses: { 204: 'Rated', 400: 'Invalid rating', 404: 'No such video' }
}, async ({ params, body, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  await rateVideo({ video, account: user.Account, rating: body.rating })
  res.sendStatus(204)
})

videoRatesRouter.get('/users/me/videos/:videoId/rating', {
  operationId: 'getUserVideoRating',
  summary: 'My rating of a video',
  tags: [ 'My User', 'Video Rates' ],
  auth: 'required',
  params: myRatingParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVideo(params.videoId, 'summary')
  if (!video) throw notFound('Video not found')
  const rate = await loadRateOfAccount(user.Account.id, video.id)
  res.json({ videoId: video.id, rating: rate?.type ?? 'none' })
})

videoRatesRouter.get('/accounts/:name/ratings', {
  operationId: 'getAccountVideoRatings',
  summary: 'The ratings of my account, newest first (rating=like or dislike to keep one kind)',
  tags: [ 'Accounts', 'Video Rates' ],
  auth: 'required',
  params: z.object({ name: z.string().min(1).max(300) }),
  query: accountRatingsQuery
}, async ({ params, query, user }, _req, res) => {
  const account = await loadAccountByHandle(params.name)
  if (!account) throw notFound('Account not found')
  if (account.id !== user.Account.id) throw forbidden('Only its owner can list the ratings of an account', ProblemCode.NOT_ALLOWED)

  const { total, data } = await listRatesOfAccount({ accountId: account.id, type: query.rating, ...query })
  res.json({ total, data: data.map(rate => ({ video: formatVideo(rate.Video), rating: rate.type })) })
})
