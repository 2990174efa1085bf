import { z } from 'zod'
import { clearWatchHistory, listWatchHistory, removeFromWatchHistory } from '../../../lib/history/history-list.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { isIso8601Date } from '../../../middlewares/validation/videos.js'
import { paginationQuery, positiveIntId } from '../../../middlewares/validation/fields.js'
import { formatVideo } from '../../../models/video/formatters/video-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** What the user watched and where they stopped (kept while their videosHistoryEnabled setting is on). */
export const myHistoryRouter = new ApiRouter('/api/v1')

myHistoryRouter.get('/users/me/history/videos', {
  operationId: 'getMyHistory',
  summary: 'List the videos I watched, last watched first, with where I stopped (userHistory.currentTime)',
  tags: [ 'My History' ],
  auth: 'required',
  query: paginationQuery([ 'updatedAt' ], '-updatedAt').extend({ search: z.string().trim().max(250).optional() })
}, async ({ query, user }, _req, res) => {
  const { total, data } = await listWatchHistory(user.id, user.Account.id, query)
  res.json({ total, data: data.map(({ video, currentTime }) => ({ ...formatVideo(video), userHistory: { currentTime } })) })
})

myHistoryRouter.delete('/users/me/history/videos/:videoId', {
  operationId: 'delMyHistoryElement',
  summary: 'Remove one video from my history',
  tags: [ 'My History' ],
  auth: 'required',
  params: z.object({ videoId: positiveIntId }),
  responses: { 204: 'Removed', 404: 'Not in my history' }
}, async ({ params, user }, _req, res) => {
  if (!await removeFromWatchHistory(user.id, params.videoId)) throw notFound('This video is not in your history')
  res.sendStatus(204)
})

const removeBody = z.object({
  beforeDate: z.string().refine(isIso8601Date, 'Should have a valid ISO 8601 date').transform(v => new Date(v)).optional()
}).optional()

myHistoryRouter.post('/users/me/history/videos/remove', {
  operationId: 'delMyHistory',
  summary: 'Clear my history (everything, or what I watched before beforeDate)',
  tags: [ 'My History' ],
  auth: 'required',
  body: removeBody,
  responses: { 204: 'Cleared' }
}, async ({ body, user }, _req, res) => {
  await clearWatchHistory(user.id, body?.beforeDate)
  res.sendStatus(204)
})

myHistoryRouter.delete('/users/me/history/videos', {
  operationId: 'clearMyHistory',
  summary: 'Clear my whole history',
  tags: [ 'My History' ],
  auth: 'required',
  responses: { 204: 'Cleared' }
}, async ({ user }, _req, res) => {
  await clearWatchHistory(user.id)
  res.sendStatus(204)
})
