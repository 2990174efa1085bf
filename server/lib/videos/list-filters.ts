import { UserRight } from '../../../shared/models/users.js'
import { CONFIG } from '../../initializers/config/index.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoListInput } from './types.js'
import type { VideoListFilters } from '../../models/video/queries/video-list-query.js'
import { forbidden } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { videoModerationFiltersFor } from '../moderation/blocklist/viewer-filters.js'

/** Turns list query parameters into filters, applying who may see what (privacies, NSFW policy). */
export function buildVideoListFilters (query: VideoListInput, user: AuthenticatedUser | undefined): VideoListFilters {
  if (query.privacyOneOf && !user?.hasRight(UserRight.SEE_ALL_VIDEOS)) {
    throw forbidden('Only moderators may list videos by privacy', ProblemCode.NOT_ALLOWED)
  }

  return {
    start: query.start,
    count: query.count,
    sort: query.sort,
    search: query.search,
    categoryOneOf: query.categoryOneOf,
    licenceOneOf: query.licenceOneOf,
    languageOneOf: query.languageOneOf,
    tagsOneOf: query.tagsOneOf,
    tagsAllOf: query.tagsAllOf,
    nsfw: nsfwFilter(query.nsfw, user),
    isLocal: query.isLocal,
    skipCount: query.skipCount,
    privacyOneOf: query.privacyOneOf,
    moderation: videoModerationFiltersFor(user, query.include)
  }
}

/** Explicit `nsfw` wins; otherwise the viewer's policy (or the instance's) decides whether NSFW videos are listed. */
function nsfwFilter (nsfw: 'true' | 'false' | 'both' | undefined, user: AuthenticatedUser | undefined) {
  if (nsfw === 'true') return true
  if (nsfw === 'false') return false
  if (nsfw === 'both') return undefined
  const policy = user?.nsfwPolicy ?? CONFIG.instance.default_nsfw_policy
  return policy === 'do_not_list' ? false : undefined
}
