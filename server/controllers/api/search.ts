import { buildVideoListFilters } from '../../lib/videos/list-filters.js'
import { videosSearchQuery } from '../../middlewares/validation/videos.js'
import { listVideosShared, sendVideoList } from '../../lib/videos/shared-video-list.js'
import { ApiRouter } from '../shared/api-router.js'

export const searchRouter = new ApiRouter('/api/v1')

searchRouter.get('/search/videos', {
  operationId: 'searchVideos',
  summary: 'Search videos by name (accent- and case-insensitive, typo-tolerant) or tag',
  tags: [ 'Search' ],
  auth: 'optional',
  query: videosSearchQuery
}, async ({ query, user }, _req, res) => {
  // Sorting by relevance needs a search term; without one, newest first.
  const sort = !query.search && query.sort.replace(/^-/, '') === 'match' ? '-publishedAt' : query.sort
  const result = await listVideosShared(buildVideoListFilters({ ...query, sort }, user))
  sendVideoList(res, result)
})
