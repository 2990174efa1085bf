import { findVideoByUrl, looksLikeUrl, maySearchRemoteUri } from '../../lib/activitypub/videos/find-video-by-url.js'
import { publicListScope } from '../../lib/activitypub/trust/content-policy.js'
import { VIDEO_LIST_TOTAL_DESCRIPTION, VIDEO_SEARCH } from '../../initializers/constants/video-list.js'
import { formatVideo } from '../../models/video/formatters/video-formatter.js'
import { buildVideoListFilters } from '../../lib/videos/list-filters.js'
import { videoVisibility } from '../../lib/videos/video-access.js'
import { videosSearchQuery } from '../../middlewares/validation/videos.js'
import { listVideosShared, sendVideoList } from '../../lib/videos/shared-video-list.js'
import { ApiRouter } from '../shared/api-router.js'

const SEARCH_DESCRIPTION = 'A video matches when its name contains every word of the search (accents and case ignored, the last word ' +
  'may be the start of a word), when one of its tags is the search, or when its name contains every word once words ' +
  'that no name contains are corrected to the closest ones (typos). sort=-match (the default) puts names with every ' +
  `word and tag matches first, newest first, and orders the first ${VIDEO_SEARCH.RANKED_WINDOW} results by their similarity to the search.`

export const searchRouter = new ApiRouter('/api/v1')

searchRouter.get('/search/videos', {
  operationId: 'searchVideos',
  summary: 'Search videos by name (accent- and case-insensitive, typo-tolerant) or tag, or by URL (fetched from its origin for logged-in users)',
  description: `${SEARCH_DESCRIPTION}\n\n${VIDEO_LIST_TOTAL_DESCRIPTION}`,
  tags: [ 'Search' ],
  auth: 'optional',
  query: videosSearchQuery
}, async ({ query, user }, req, res) => {
  if (query.search && looksLikeUrl(query.search)) {
    const video = await findVideoByUrl(query.search, { mayFetch: maySearchRemoteUri(user !== undefined) })
    const visible = video && videoVisibility(video, user, { byNumericId: false }) === 'visible'
    res.json(visible ? { total: 1, data: [ formatVideo(video) ] } : { total: 0, data: [] })
    return
  }

  // Sorting by relevance needs a search term; without one, newest first.
  const sort = !query.search && query.sort.replace(/^-/, '') === 'match' ? '-publishedAt' : query.sort
  const result = await listVideosShared({ ...buildVideoListFilters({ ...query, sort }, user), ...await publicListScope() })
  await sendVideoList(req, res, result)
})
