import { findVideoByUrl, looksLikeUrl, maySearchRemoteUri } from '../../lib/activitypub/videos/find-video-by-url.js'
import { publicListScope } from '../../lib/activitypub/trust/content-policy.js'
import { buildVideoListFilters } from '../../lib/videos/list-filters.js'
import { videoVisibility } from '../../lib/videos/video-access.js'
import { videosSearchQuery } from '../../middlewares/validation/videos.js'
import { formatVideo } from '../../models/video/formatters/video-formatter.js'
import { listVideos } from '../../models/video/queries/video-list-query.js'
import { ApiRouter } from '../shared/api-router.js'

export const searchRouter = new ApiRouter('/api/v1')

searchRouter.get('/search/videos', {
  operationId: 'searchVideos',
  summary: 'Search videos by name (accent- and case-insensitive, typo-tolerant) or tag, or by URL (fetched from its origin for logged-in users)',
  tags: [ 'Search' ],
  auth: 'optional',
  query: videosSearchQuery
}, async ({ query, user }, _req, res) => {
  if (query.search && looksLikeUrl(query.search)) {
    const video = await findVideoByUrl(query.search, { mayFetch: maySearchRemoteUri(user !== undefined) })
    const visible = video && videoVisibility(video, user, { byNumericId: false }) === 'visible'
    res.json(visible ? { total: 1, data: [ formatVideo(video) ] } : { total: 0, data: [] })
    return
  }

  // Sorting by relevance needs a search term; without one, newest first.
  const sort = !query.search && query.sort.replace(/^-/, '') === 'match' ? '-publishedAt' : query.sort
  const { total, data } = await listVideos({ ...buildVideoListFilters({ ...query, sort }, user), ...await publicListScope() })
  res.json({ total, data: data.map(formatVideo) })
})
