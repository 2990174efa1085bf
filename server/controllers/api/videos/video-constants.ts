import { VIDEO_CATEGORIES, VIDEO_LANGUAGES, VIDEO_LICENCES, VIDEO_PRIVACIES, SUPPORTED_PRIVACIES } from '../../../initializers/constants/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

export const videoConstantsRouter = new ApiRouter('/api/v1')

const constants = [
  { path: '/videos/categories', operationId: 'getCategories', summary: 'Video categories (id: label)', values: VIDEO_CATEGORIES },
  { path: '/videos/licences', operationId: 'getLicences', summary: 'Video licences (id: label)', values: VIDEO_LICENCES },
  { path: '/videos/languages', operationId: 'getLanguages', summary: 'Video languages (code: label)', values: VIDEO_LANGUAGES },
  {
    path: '/videos/privacies',
    operationId: 'getVideoPrivacyPolicies',
    summary: 'Video privacies this instance supports (id: label)',
    values: Object.fromEntries(SUPPORTED_PRIVACIES.map(p => [ p, VIDEO_PRIVACIES[p] ]))
  }
]

for (const constant of constants) {
  videoConstantsRouter.get(constant.path, {
    operationId: constant.operationId,
    summary: constant.summary,
    tags: [ 'Video' ],
    auth: 'none'
  }, (_ctx, _req, res) => {
    res.json(constant.values)
  })
}
